-- Per-jurisdiction overrides of the default legal-tier rules (policy/legal-tiers.json):
-- which data categories an instrument from that jurisdiction compels.
CREATE TABLE legal_tier_rule (
    jurisdiction char(2)     NOT NULL,
    instrument   text        NOT NULL,
    categories   text[]      NOT NULL,
    changed_at   timestamptz NOT NULL,
    PRIMARY KEY (jurisdiction, instrument)
);
