-- What user notice needs to know about an account: where to write, in which language, and
-- whether the account is flagged compromised (notice would reach the attacker).
ALTER TABLE platform_account ADD COLUMN language text;
ALTER TABLE platform_account ADD COLUMN compromised boolean NOT NULL DEFAULT false;

-- Every notice to a targeted user, and every reason one was delayed or not sent.
CREATE TABLE user_notice (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL,
    account_id  text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('DUE', 'DELAYED', 'SENT', 'WITHHELD')),
    reason      text        NOT NULL,
    email       text,
    language    text        NOT NULL,
    due_at      timestamptz,
    sent_at     timestamptz,
    last_error  text,
    created_at  timestamptz NOT NULL,
    UNIQUE (request_id, account_id)
);
CREATE INDEX user_notice_due ON user_notice (due_at) WHERE status IN ('DUE', 'DELAYED');
