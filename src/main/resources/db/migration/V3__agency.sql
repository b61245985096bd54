CREATE TABLE agency (
    id             uuid        PRIMARY KEY,
    name           text        NOT NULL,
    jurisdiction   char(2)     NOT NULL,
    kind           text        NOT NULL,
    callback_phone text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'SUSPENDED')),
    status_reason  text,
    created_at     timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL
);
CREATE INDEX agency_jurisdiction ON agency (jurisdiction);

CREATE TABLE agency_email_domain (
    agency_id uuid        NOT NULL REFERENCES agency (id),
    domain    text        NOT NULL,
    added_at  timestamptz NOT NULL,
    PRIMARY KEY (agency_id, domain)
);

CREATE TABLE officer (
    id         uuid        PRIMARY KEY,
    agency_id  uuid        NOT NULL REFERENCES agency (id),
    email      text        NOT NULL,
    name       text        NOT NULL,
    title      text,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX officer_email ON officer (lower(email));
CREATE INDEX officer_agency ON officer (agency_id);
