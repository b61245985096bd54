-- Writes that hold or release tens of thousands of cases in one statement (issue 13, ADR 0024).

-- The chain trigger finds the newest event with "ORDER BY seq DESC LIMIT 1", planned once per
-- connection and cached. Planned while audit_event was small and analyzed (a new installation),
-- that is a sequential scan and a sort, and it stays so for the connection: a 10 000-row append
-- then scanned every earlier row once per row (136 s instead of 3 s). With sequential scans off in
-- the function, the plan is the primary key's backward scan whatever the table's size. The chain,
-- its lock and its hashes are unchanged.
ALTER FUNCTION audit_event_chain() SET enable_seqscan = off;

-- The canonical form is stable, not immutable (extract(epoch FROM timestamptz) is stable): declared
-- as it is, PostgreSQL inlines it into the trigger's expression instead of starting an executor for
-- it once per row. Same text, same hashes.
ALTER FUNCTION audit_canonical(audit_event) STABLE;

-- review_case: no index has the status in its key, so a change of status that keeps a case open
-- (a hold, a release, most moves) leaves every index as it is and can be a HOT update, if the page
-- has room for the new version. Before, each such change wrote an entry in each of the ten indexes
-- (about eleven WAL records per row; 12.3 s for 50 000 held cases under load 20, 2.2 s as HOT).
DROP INDEX review_case_status;
DROP INDEX review_case_jurisdiction;
-- The queue's jurisdiction filter and a pause's match, each ending in the keyset.
CREATE INDEX review_case_jurisdiction ON review_case (jurisdiction, received_at, request_id);
-- The queue's open statuses (filtered by status) newest or oldest first; "open" only changes when a
-- case is decided or closed, so this index does not stop a hold from being HOT.
CREATE INDEX review_case_open_received ON review_case (received_at, request_id) WHERE open;
-- Room in each page for the new versions of its rows. Applies to pages written from now on; an
-- operator can rewrite existing pages at a quiet time with VACUUM FULL review_case (or pg_repack).
ALTER TABLE review_case SET (fillfactor = 70);
