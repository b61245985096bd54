-- Group chaining (docs/adr/0023-audit-group-chaining.md). A transaction's events are first written
-- to audit_pending, unchained, in the transaction of the change they record (so they are as
-- durable as the change, and the transaction takes no shared lock). Right after that commit, one
-- short transaction per group of committed transactions moves every pending event into the chain
-- (audit_chain_pending): the head's row lock is then held for one insert of many transactions'
-- events and one WAL flush, instead of one flush per audited transaction. The chain itself, its
-- trigger (V55) and its verification are unchanged: audit_event is still numbered, timed and
-- hashed only by the chain function, in the order the rows arrive.

CREATE TABLE audit_pending (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_kind   text NOT NULL,
    actor_id     text NOT NULL,
    action       text NOT NULL,
    subject_type text NOT NULL,
    subject_id   text NOT NULL,
    details      text NOT NULL
);

-- Moves every pending event that is committed into the chain, oldest first (a transaction's
-- events in the order it published them), and removes them from audit_pending, in the caller's
-- transaction. The head is locked first: the statement that follows takes its snapshot after the
-- lock, so it sees every transaction that committed before the lock was granted, and two callers
-- never move the same event. Runs as its owner, so the application's role needs no right to
-- remove pending events (db/application-role.sql revokes it).
CREATE PROCEDURE audit_chain_pending()
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    PERFORM 1 FROM audit_head WHERE id = 1 FOR UPDATE;
    WITH moved AS (DELETE FROM audit_pending RETURNING *)
    INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details)
    SELECT actor_kind, actor_id, action, subject_type, subject_id, details FROM moved ORDER BY id;
END
$$;

-- The application's role (db/application-role.sql) only appends pending events; the default
-- privileges would give it the right to remove them as well.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'custodian_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_pending FROM custodian_app;
    END IF;
END
$$;
