-- A production waits, on the record, until every targeted user has been told (or lawfully
-- is not): AWAITING_NOTICE, released by itself once the notice goes out.
ALTER TABLE production DROP CONSTRAINT production_status_check;
ALTER TABLE production ADD CONSTRAINT production_status_check CHECK (status IN
    ('QUEUED', 'AWAITING_CALLBACK', 'AWAITING_NOTICE', 'BUILDING', 'PRODUCED', 'FAILED', 'BLOCKED', 'PURGED'));
