-- The password is chosen by whoever holds the e-mailed link, on the confirmation page; a
-- registration no longer carries one, so registering someone else's address gains nothing.
ALTER TABLE officer_registration DROP COLUMN password_hash;
