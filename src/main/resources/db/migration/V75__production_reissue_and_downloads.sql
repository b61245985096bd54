-- A re-issued passphrase rebuilds the package under a new one (REISSUING until it is ready),
-- so the old passphrase opens nothing any more.
ALTER TABLE production DROP CONSTRAINT production_status_check;
ALTER TABLE production ADD CONSTRAINT production_status_check CHECK (status IN
    ('QUEUED', 'AWAITING_CALLBACK', 'AWAITING_NOTICE', 'BUILDING', 'PRODUCED', 'REISSUING', 'FAILED', 'BLOCKED',
     'PURGED'));

-- Who downloaded a package and when, for the officer's page (the audit log has it too).
CREATE TABLE production_download (
    request_id     uuid        NOT NULL,
    officer_id     uuid        NOT NULL,
    downloaded_at  timestamptz NOT NULL,
    package_sha256 char(64)    NOT NULL
);
CREATE INDEX production_download_request ON production_download (request_id, downloaded_at);
