CREATE TABLE staff_user (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text,
    roles         text[]      NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX staff_user_email ON staff_user (lower(email));

-- API tokens: only the SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_token (
    id         uuid        PRIMARY KEY,
    token_hash char(64)    NOT NULL UNIQUE,
    owner_kind text        NOT NULL CHECK (owner_kind IN ('STAFF', 'OFFICER')),
    owner_id   uuid        NOT NULL,
    agency_id  uuid,
    label      text,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX api_token_owner ON api_token (owner_kind, owner_id);
