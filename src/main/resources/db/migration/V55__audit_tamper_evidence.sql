-- Tamper evidence (docs/adr/0009-audit-checkpoints.md). No writer forges the chain: the chain
-- function decides every row's seq, time, previous hash and hash (a writer who supplies one is
-- refused), and audit_head moves only with it. What a database owner can still do (disable the
-- triggers and rewrite or cut the log consistently) is caught by signed checkpoints of the head,
-- kept outside the database as well (audit_checkpoint, published and mirrored).
--
-- The chain functions run as their owner (SECURITY DEFINER), so the application's role needs only
-- SELECT and INSERT on these tables (db/application-role.sql); their search path is pinned, with
-- pg_temp last, so a writer's temporary table cannot stand in for the log.

CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    last_seq  bigint;
    last_hash char(64);
BEGIN
    IF NEW.seq IS NOT NULL OR NEW.occurred_at IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL THEN
        RAISE EXCEPTION 'audit_event: seq, occurred_at, prev_hash and hash are set by the chain, not by the writer';
    END IF;
    -- The head's row lock serialises appenders until commit. Rows inserted earlier by the same
    -- statement are visible here, so a multi-row INSERT chains in the order its rows arrive.
    PERFORM 1 FROM audit_head WHERE id = 1 FOR UPDATE;
    SELECT seq, hash INTO last_seq, last_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
    IF NOT FOUND THEN
        last_seq := 0;
        last_hash := repeat('0', 64);
    END IF;
    NEW.seq := last_seq + 1;
    NEW.occurred_at := date_trunc('microseconds', clock_timestamp());
    NEW.prev_hash := last_hash;
    NEW.hash := encode(sha256(convert_to(last_hash || E'\n' || audit_canonical(NEW), 'UTF8')), 'hex');
    RETURN NEW;
END
$$;

-- Once per statement, not per row: a 100 000-row INSERT moves the head once.
CREATE FUNCTION audit_head_advance() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    UPDATE audit_head h SET seq = e.seq, hash = e.hash
    FROM (SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1) e
    WHERE h.id = 1 AND (h.seq, h.hash) IS DISTINCT FROM (e.seq, e.hash);
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_head_advance AFTER INSERT ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_head_advance();

-- The head changes only from inside a trigger (the chain's), and only to the newest event.
CREATE FUNCTION audit_head_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.id = 1
            AND EXISTS (SELECT 1 FROM audit_event WHERE seq = NEW.seq AND hash = NEW.hash)
            AND NOT EXISTS (SELECT 1 FROM audit_event WHERE seq > NEW.seq) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_head moves only with the audit chain: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_head_guard();

-- One refusal for every append-only audit table, naming the table.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END
$$;

-- The key that signs checkpoints: the audit module's own, its private half sealed with the master
-- key (kept outside the database), so a key row the database did not get from this platform is
-- recognised: its private half does not open.
CREATE TABLE audit_checkpoint_key (
    id                 text        PRIMARY KEY,
    public_key         bytea       NOT NULL,
    private_key_sealed bytea       NOT NULL,
    created_at         timestamptz NOT NULL
);

-- Signed heads: "the log had this many events, the newest with this hash, at this time".
CREATE TABLE audit_checkpoint (
    events    bigint      PRIMARY KEY,
    hash      char(64)    NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    text        NOT NULL REFERENCES audit_checkpoint_key (id),
    signature text        NOT NULL
);

CREATE TRIGGER audit_checkpoint_key_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint_key
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_key_no_truncate BEFORE TRUNCATE ON audit_checkpoint_key
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
