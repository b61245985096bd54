-- The audit log: append-only and hash-chained. Each row stores
-- SHA-256(previous hash || '\n' || canonical event), computed here in the database so that every
-- writer, including set-based bulk inserts, extends one chain. The Java verifier recomputes it
-- independently (org.custodian.audit.AuditChain).

CREATE TABLE audit_event (
    seq          bigint      PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor_kind   text        NOT NULL,
    actor_id     text        NOT NULL,
    action       text        NOT NULL,
    subject_type text        NOT NULL,
    subject_id   text        NOT NULL,
    details      jsonb       NOT NULL DEFAULT '{}',
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
        || e.subject_type || E'\n' || e.subject_id || E'\n' || e.details::text
$$;

-- Single appends: lock the head, chain the row, move the head. Rows that arrive with a hash were
-- chained by audit_append_many (which holds the head lock itself); the verifier checks them all.
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

-- Many events in one statement (a pause holding 100 000 requests): the chain is computed in one
-- pass and the head moved once, instead of updating the head row once per event.
CREATE FUNCTION audit_append_many(p_actor_kind text, p_actor_id text, p_action text, p_subject_type text,
                                  p_subject_ids text[], p_details jsonb[]) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    head_seq  bigint;
    head_hash char(64);
    at        timestamptz := date_trunc('microseconds', clock_timestamp());
    n         int := coalesce(array_length(p_subject_ids, 1), 0);
    hashes    text[] := array_fill(NULL::text, ARRAY[n]);
    prevs     text[] := array_fill(NULL::text, ARRAY[n]);
    e         audit_event;
BEGIN
    IF n = 0 THEN
        RETURN 0;
    END IF;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
    FOR i IN 1..n LOOP
        e := ROW(head_seq + i, at, p_actor_kind, p_actor_id, p_action, p_subject_type, p_subject_ids[i],
                 p_details[i], head_hash, NULL)::audit_event;
        prevs[i] := head_hash;
        head_hash := encode(sha256(convert_to(head_hash || E'\n' || audit_canonical(e), 'UTF8')), 'hex');
        hashes[i] := head_hash;
    END LOOP;
    INSERT INTO audit_event (seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, details,
                             prev_hash, hash)
    SELECT head_seq + i, at, p_actor_kind, p_actor_id, p_action, p_subject_type, p_subject_ids[i], p_details[i],
           prevs[i], hashes[i]
    FROM generate_subscripts(p_subject_ids, 1) AS i;
    UPDATE audit_head SET seq = head_seq + n, hash = head_hash WHERE id = 1;
    RETURN n;
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
