-- Sanctions lists (in the layout of the US Treasury SDN list). Names are stored normalised too:
-- upper case, no accents or punctuation, name parts sorted ("LEE, Ka-chiu John" = "John Lee Ka Chiu").
CREATE TABLE sanctions_import (
    id          uuid        PRIMARY KEY,
    source      text        NOT NULL,
    entries     int         NOT NULL,
    imported_by text        NOT NULL,
    imported_at timestamptz NOT NULL
);

CREATE TABLE sanctions_entry (
    id         bigserial PRIMARY KEY,
    import_id  uuid      NOT NULL REFERENCES sanctions_import (id),
    name       text      NOT NULL,
    normalised text      NOT NULL,
    program    text,
    remarks    text
);
CREATE INDEX sanctions_entry_normalised ON sanctions_entry (normalised);
