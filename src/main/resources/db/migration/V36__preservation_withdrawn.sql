-- A preservation whose request the agency withdrew: its snapshot is purged at once.
ALTER TABLE preservation DROP CONSTRAINT preservation_status_check;
ALTER TABLE preservation ADD CONSTRAINT preservation_status_check
    CHECK (status IN ('PENDING', 'ACTIVE', 'CONVERTED', 'EXPIRED', 'WITHDRAWN'));
