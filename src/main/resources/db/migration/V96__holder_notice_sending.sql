-- A holder notice is claimed (SENDING, with the database's time of the claim) and its
-- one-time link committed before its mail leaves, then marked SENT in a transaction of its
-- own. A claim older than custodian.notice.claim-timeout (the node died between the mail
-- and the mark) is taken again: the holder may get a second mail with a second link.
ALTER TABLE holder_notice DROP CONSTRAINT holder_notice_status_check;
ALTER TABLE holder_notice ADD CONSTRAINT holder_notice_status_check
    CHECK (status IN ('DUE', 'SENDING', 'SENT', 'WITHHELD'));
ALTER TABLE holder_notice ADD COLUMN claimed_at timestamptz;
CREATE INDEX holder_notice_sending ON holder_notice (claimed_at) WHERE status = 'SENDING';
