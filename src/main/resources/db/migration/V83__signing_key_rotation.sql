-- A rotated signing key is retired, not deleted: what it signed still verifies, and the JWK Set
-- publishes its validity (custodian:notBefore = created_at, custodian:notAfter = retired_at).
ALTER TABLE signing_key ADD COLUMN retired_at timestamptz;
UPDATE signing_key SET retired_at = created_at WHERE NOT active;
ALTER TABLE signing_key ADD CONSTRAINT signing_key_retired_when_inactive
    CHECK (active = (retired_at IS NULL));
