-- TOTP (RFC 6238) for staff and officers alike. The secret must be readable to check codes;
-- recovery codes are single-use and kept only as SHA-256 (they have full entropy).
CREATE TABLE second_factor (
    subject_kind text        NOT NULL CHECK (subject_kind IN ('STAFF', 'OFFICER')),
    subject_id   uuid        NOT NULL,
    secret       text        NOT NULL,
    enrolled_at  timestamptz,
    last_step    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (subject_kind, subject_id)
);

CREATE TABLE recovery_code (
    subject_kind text        NOT NULL,
    subject_id   uuid        NOT NULL,
    code_hash    char(64)    NOT NULL,
    used_at      timestamptz,
    PRIMARY KEY (subject_kind, subject_id, code_hash)
);

-- Failed sign-ins per realm (portal, console) and submitted e-mail, whether or not an account
-- exists, so that lockout neither depends on nor reveals which addresses are registered.
CREATE TABLE login_throttle (
    realm        text        NOT NULL,
    email_key    char(64)    NOT NULL,
    failures     integer     NOT NULL,
    locked_until timestamptz,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (realm, email_key)
);
