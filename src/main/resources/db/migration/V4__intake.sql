CREATE SEQUENCE case_number_seq;

CREATE TABLE request (
    id                   uuid        PRIMARY KEY,
    case_number          text        NOT NULL UNIQUE,
    agency_id            uuid        NOT NULL,
    officer_id           uuid        NOT NULL,
    jurisdiction         char(2)     NOT NULL,
    type                 text        NOT NULL,
    instrument           text,
    legal_basis          text,
    categories           text[]      NOT NULL,
    period_from          date,
    period_to            date,
    offence              text,
    non_disclosure_until date,
    emergency_threat     text,
    emergency_supervisor_name  text,
    emergency_supervisor_phone text,
    received_at          timestamptz NOT NULL
);
CREATE INDEX request_agency ON request (agency_id, received_at, id);

CREATE TABLE request_target (
    request_id uuid NOT NULL REFERENCES request (id),
    position   int  NOT NULL,
    kind       text NOT NULL,
    value      text NOT NULL,
    PRIMARY KEY (request_id, position)
);

CREATE TABLE request_document (
    request_id   uuid     PRIMARY KEY REFERENCES request (id),
    filename     text     NOT NULL,
    size_bytes   bigint   NOT NULL,
    sha256       char(64) NOT NULL,
    content      bytea    NOT NULL
);

-- Idempotency-Key replays: the same officer and key return the original request.
CREATE TABLE idempotency_key (
    officer_id  uuid        NOT NULL,
    key         text        NOT NULL,
    fingerprint char(64)    NOT NULL,
    request_id  uuid        NOT NULL REFERENCES request (id),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (officer_id, key)
);
