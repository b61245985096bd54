-- E-mails to officers about their requests: written in the transaction of the change that
-- causes them, sent afterwards by a job. PENDING -> SENDING -> SENT; a failed attempt goes
-- back to PENDING until the last (FAILED). A row left in SENDING by a crash is never sent
-- again: an e-mail is sent at most once.
CREATE TABLE officer_notification (
    id              uuid        PRIMARY KEY,
    officer_id      uuid        NOT NULL REFERENCES officer (id),
    request_id      uuid        NOT NULL,
    kind            text        NOT NULL,
    -- What the e-mail says beyond the request: the hold's reason or the question, the
    -- decision's outcome and rejection reason, the package's expiry.
    reason          text,
    outcome         text,
    rejection       text,
    expires_at      timestamptz,
    status          text        NOT NULL DEFAULT 'PENDING'
                        CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    sent_at         timestamptz,
    -- Set for the notifications a job finds (a package about to expire): once each.
    once_key        text        UNIQUE
);
CREATE INDEX officer_notification_due ON officer_notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX officer_notification_officer ON officer_notification (officer_id, created_at DESC);

-- The kinds an officer turned off (absent: on). Legally required kinds are never stored.
CREATE TABLE officer_notification_opt_out (
    officer_id uuid        NOT NULL REFERENCES officer (id),
    kind       text        NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (officer_id, kind)
);
