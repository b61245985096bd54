-- Staff who sign in with the platform's identity provider (OpenID Connect): the provider's
-- subject, linked at the first sign-in; such accounts have no password here (password_hash NULL).
ALTER TABLE staff_user ADD COLUMN sso_subject text;
CREATE UNIQUE INDEX staff_user_sso_subject ON staff_user (sso_subject) WHERE sso_subject IS NOT NULL;
