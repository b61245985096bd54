-- Notices to an account holder about their content (issue 12: statement of reasons after a
-- removal request's effect, the outcome of an appeal), with a one-time link stored hashed.
ALTER TABLE sample_platform_item ADD COLUMN owner_account text;

CREATE TABLE holder_notice (
    id           uuid        PRIMARY KEY,
    account_id   text        NOT NULL,
    template     text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   uuid        NOT NULL,
    "values"     jsonb       NOT NULL,
    link_path    text,
    status       text        NOT NULL CHECK (status IN ('DUE', 'SENT', 'WITHHELD')),
    reason       text        NOT NULL,
    email        text,
    language     text        NOT NULL,
    due_at       timestamptz,
    sent_at      timestamptz,
    last_error   text,
    created_at   timestamptz NOT NULL,
    UNIQUE (template, subject_id, account_id)
);
CREATE INDEX holder_notice_due ON holder_notice (due_at) WHERE status = 'DUE';

-- The one-time link a notice carries: only the SHA-256 of its token is kept.
CREATE TABLE holder_notice_link (
    token_hash char(64)    PRIMARY KEY,
    notice_id  uuid        NOT NULL REFERENCES holder_notice (id),
    subject_id uuid        NOT NULL,
    account_id text        NOT NULL,
    created_at timestamptz NOT NULL,
    used_at    timestamptz
);
