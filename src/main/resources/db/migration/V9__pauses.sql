CREATE TABLE pause (
    id                 uuid        PRIMARY KEY,
    jurisdiction       char(2)     NOT NULL,
    match              text        NOT NULL CHECK (match IN ('FROM_AUTHORITIES', 'ABOUT_USERS', 'BOTH')),
    stops_review       boolean     NOT NULL,
    stops_production   boolean     NOT NULL,
    applies_to         text        NOT NULL CHECK (applies_to IN ('ALL', 'NEW_ONLY')),
    effective_from     timestamptz NOT NULL,
    reason             text        NOT NULL,
    assessment_id      uuid,
    lifting_condition  text,
    except_emergencies boolean     NOT NULL,
    enacted_by         uuid        NOT NULL,
    enacted_at         timestamptz NOT NULL,
    lifted_by          uuid,
    lifted_at          timestamptz,
    lifting_rationale  text,
    CHECK (stops_review OR stops_production)
);
CREATE INDEX pause_in_force ON pause (jurisdiction) WHERE lifted_at IS NULL;

-- Jurisdictions whose legal process is answered only through the MLAT route.
CREATE TABLE mlat_only_rule (
    jurisdiction char(2)     PRIMARY KEY,
    reason       text        NOT NULL,
    since        timestamptz NOT NULL,
    set_by       uuid        NOT NULL
);
