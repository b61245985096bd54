-- The audit log: append-only and hash-chained. Each row stores
-- SHA-256(previous hash || '\n' || canonical event), computed here in the database for single
-- appends and by the application for bulk ones; the Java verifier recomputes it independently
-- (org.custodian.audit.AuditChain). Details are canonical JSON text (keys sorted), hashed as stored.

CREATE TABLE audit_event (
    seq          bigint      PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor_kind   text        NOT NULL,
    actor_id     text        NOT NULL,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    details      text        NOT NULL DEFAULT '{}',
    prev_hash    char(64)    NOT NULL,
    hash         char(64)    NOT NULL
);

CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id, seq);

-- One row: the chain's head. Updating it serialises appenders (the row lock is held until commit),
-- so concurrent transactions can never fork the chain.
CREATE TABLE audit_head (
    id   int      PRIMARY KEY CHECK (id = 1),
    seq  bigint   NOT NULL,
    hash char(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_canonical(e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT e.seq::text || E'\n' || (extract(epoch FROM e.occurred_at) * 1000000)::bigint::text || E'\n'
        || e.actor_kind || E'\n' || e.actor_id || E'\n' || e.action || E'\n'
        || e.subject_type || E'\n' || e.subject_id || E'\n' || e.details
$$;

-- Single appends: lock the head, chain the row, move the head. Rows that arrive with a hash were
-- chained by the application's bulk append (AuditLog.appendAll, which holds the head lock itself);
-- the verifier checks every row either way.
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    head_seq  bigint;
    head_hash char(64);
BEGIN
    IF NEW.hash IS NOT NULL THEN
        RETURN NEW;
    END IF;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
    NEW.seq := head_seq + 1;
    NEW.occurred_at := date_trunc('microseconds', coalesce(NEW.occurred_at, clock_timestamp()));
    NEW.prev_hash := head_hash;
    NEW.hash := encode(sha256(convert_to(head_hash || E'\n' || audit_canonical(NEW), 'UTF8')), 'hex');
    UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

CREATE FUNCTION audit_event_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
