-- db-scheduler's table (its PostgreSQL schema): background jobs shared by every node.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The bundled sample platform's records (the demo's and the tests' data source).
CREATE TABLE sample_record (
    id          bigserial   PRIMARY KEY,
    account_id  text        NOT NULL,
    category    text        NOT NULL,
    kind        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    fields      jsonb       NOT NULL
);
CREATE INDEX sample_record_account ON sample_record (account_id, category, occurred_at);

-- One production package per approved request. The passphrase is kept sealed only until
-- the officer has seen it once; afterwards only its hash remains.
CREATE TABLE production (
    request_id        uuid        PRIMARY KEY,
    status            text        NOT NULL CHECK (status IN
                          ('QUEUED', 'AWAITING_CALLBACK', 'BUILDING', 'PRODUCED', 'FAILED', 'BLOCKED', 'PURGED')),
    attempts          int         NOT NULL DEFAULT 0,
    last_error        text,
    file_name         text,
    size_bytes        bigint,
    package_sha256    char(64),
    manifest_sha256   char(64),
    passphrase_sealed bytea,
    passphrase_sha256 char(64),
    queued_at         timestamptz NOT NULL,
    produced_at       timestamptz,
    expires_at        timestamptz,
    purged_at         timestamptz,
    downloads         int         NOT NULL DEFAULT 0
);
CREATE INDEX production_expiry ON production (expires_at) WHERE status = 'PRODUCED';
CREATE INDEX production_package ON production (package_sha256);

-- The Ed25519 key that signs manifests; its private half sealed with the master key.
CREATE TABLE signing_key (
    id                 text        PRIMARY KEY,
    algorithm          text        NOT NULL,
    public_key         bytea       NOT NULL,
    private_key_sealed bytea       NOT NULL,
    created_at         timestamptz NOT NULL,
    active             boolean     NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (active) WHERE active;

-- Out-of-band callbacks that confirm an emergency request really came from the agency.
CREATE TABLE emergency_verification (
    id            uuid        PRIMARY KEY,
    request_id    uuid        NOT NULL,
    called_number text        NOT NULL,
    confirmed     boolean     NOT NULL,
    notes         text        NOT NULL,
    staff_id      uuid        NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX emergency_verification_request ON emergency_verification (request_id, recorded_at);
