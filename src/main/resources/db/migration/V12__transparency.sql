-- One row per request with exactly the facts the transparency report counts, kept up to date by
-- the lifecycle's events in the transaction of each change. Reports are aggregates over it.
CREATE TABLE transparency_request (
    request_id       uuid     PRIMARY KEY,
    period           text     NOT NULL,
    jurisdiction     char(2)  NOT NULL,
    type             text     NOT NULL,
    accounts         int      NOT NULL,
    non_disclosure   boolean  NOT NULL,
    held             boolean  NOT NULL DEFAULT false,
    preserved        boolean  NOT NULL DEFAULT false,
    produced         boolean  NOT NULL DEFAULT false,
    produced_at      timestamptz,
    outcome          text,
    rejection_reason text,
    users_notified   int      NOT NULL DEFAULT 0,
    emergency_unverified boolean NOT NULL DEFAULT false
);
CREATE INDEX transparency_request_period ON transparency_request (period, jurisdiction);
CREATE INDEX transparency_request_disclosed ON transparency_request (jurisdiction, produced_at) WHERE produced;
