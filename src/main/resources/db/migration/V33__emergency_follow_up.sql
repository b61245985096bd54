-- After an emergency disclosure the agency owes the platform its legal process.
CREATE TABLE emergency_follow_up (
    emergency_request_id uuid        PRIMARY KEY,
    due_at               timestamptz NOT NULL,
    legal_request_id     uuid,
    received_at          timestamptz
);
CREATE INDEX emergency_follow_up_open ON emergency_follow_up (due_at) WHERE legal_request_id IS NULL;

-- Trust signals count an officer's earlier requests.
CREATE INDEX request_officer ON request (officer_id, received_at);
