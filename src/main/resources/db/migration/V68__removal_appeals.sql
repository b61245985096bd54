-- Appeals by account holders against a removal request's effect on their content (issue 12,
-- DSA Art. 20), each decided by a staff member who did not decide the item.
CREATE TABLE removal_appeal (
    id         uuid        PRIMARY KEY,
    request_id uuid        NOT NULL REFERENCES removal_request (id),
    item_id    uuid        NOT NULL REFERENCES removal_item (id),
    account_id text        NOT NULL,
    statement  text        NOT NULL,
    filed_at   timestamptz NOT NULL,
    status     text        NOT NULL CHECK (status IN ('FILED', 'UPHELD', 'RESTORED')),
    decided_by uuid,
    decided_at timestamptz,
    reason     text,
    CHECK ((status = 'FILED') = (decided_by IS NULL))
);
CREATE INDEX removal_appeal_request ON removal_appeal (request_id, filed_at);
