-- Calls of the platform's webhook (ContentControls over HTTP): one row per item and action,
-- keyed by the idempotency key the receiver sees, delivered by a db-scheduler task with retries.
CREATE TABLE removal_webhook_delivery (
    id              uuid        PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    item_id         uuid        NOT NULL,
    action          text        NOT NULL CHECK (action IN ('RESTRICT', 'REMOVE', 'RESTORE')),
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    last_status     int,
    delivered_at    timestamptz
);
CREATE INDEX removal_webhook_undelivered ON removal_webhook_delivery (created_at) WHERE delivered_at IS NULL;
