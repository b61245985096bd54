-- Preservation snapshots: the targets' records as they stood when a preservation request
-- was accepted, sealed (AES-256-GCM) per account and category, kept 90 days (extendable once).
CREATE TABLE preservation (
    request_id  uuid        PRIMARY KEY,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'CONVERTED', 'EXPIRED')),
    snapshot_at timestamptz,
    expires_at  timestamptz,
    extended    boolean     NOT NULL DEFAULT false,
    records     bigint      NOT NULL DEFAULT 0
);
CREATE INDEX preservation_expiry ON preservation (expires_at) WHERE status = 'ACTIVE';

CREATE TABLE preserved_records (
    request_id uuid   NOT NULL REFERENCES preservation (request_id),
    account_id text   NOT NULL,
    category   text   NOT NULL,
    records    bigint NOT NULL,
    sha256     char(64) NOT NULL,
    sealed     bytea  NOT NULL,
    PRIMARY KEY (request_id, account_id, category)
);

-- A legal-process request that follows a preservation: produced from the snapshot.
CREATE TABLE preservation_reference (
    request_id              uuid        PRIMARY KEY,
    preservation_request_id uuid        NOT NULL REFERENCES preservation (request_id),
    referenced_at           timestamptz NOT NULL
);
