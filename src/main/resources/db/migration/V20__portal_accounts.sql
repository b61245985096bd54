-- Officers who use the web portal: a password (Argon2) once they confirm their e-mail.
ALTER TABLE officer ADD COLUMN password_hash text;
ALTER TABLE officer ADD COLUMN email_confirmed_at timestamptz;

-- A self-registration waiting for its e-mailed link. Only the SHA-256 of the link's token
-- is kept; the officer is created (or, if an administrator added them, given a password)
-- when the link is opened.
CREATE TABLE officer_registration (
    token_hash    char(64)    PRIMARY KEY,
    agency_id     uuid        NOT NULL REFERENCES agency (id),
    email         text        NOT NULL,
    name          text        NOT NULL,
    title         text,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    confirmed_at  timestamptz
);
CREATE INDEX officer_registration_email ON officer_registration (lower(email));
