-- Who acts on a request in the portal: its owner (the officer who submitted it) and the colleagues
-- of the same agency it is delegated to. Keyed for "My requests" (an officer's rows, newest first,
-- keyset on received_at and request_id); a table of its own, so review_case keeps its indexes.
CREATE TABLE request_access (
    officer_id  uuid        NOT NULL,
    received_at timestamptz NOT NULL,
    request_id  uuid        NOT NULL REFERENCES review_case (request_id),
    role        text        NOT NULL CHECK (role IN ('OWNER', 'DELEGATE')),
    granted_by  uuid        NOT NULL,
    granted_at  timestamptz NOT NULL,
    PRIMARY KEY (officer_id, received_at, request_id)
);
CREATE UNIQUE INDEX request_access_request ON request_access (request_id, officer_id);

-- Requests submitted before delegation existed are owned by their submitting officer.
INSERT INTO request_access (officer_id, received_at, request_id, role, granted_by, granted_at)
SELECT r.officer_id, c.received_at, c.request_id, 'OWNER', r.officer_id, c.received_at
FROM review_case c JOIN request r ON r.id = c.request_id;
