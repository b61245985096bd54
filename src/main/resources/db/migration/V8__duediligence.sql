-- Human-rights due diligence per jurisdiction: the assessment a pause waits for.
CREATE TABLE dd_assessment (
    id            uuid        PRIMARY KEY,
    jurisdiction  char(2)     NOT NULL,
    subject       text        NOT NULL,
    trigger_date  date        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('OPEN', 'CONCLUDED', 'SIGNED_OFF')),
    author_id     uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    findings      jsonb,
    decision      text,
    rationale     text,
    conditions    text,
    concluded_by  uuid,
    concluded_at  timestamptz,
    signed_off_by uuid,
    signed_off_at timestamptz
);
CREATE INDEX dd_assessment_jurisdiction ON dd_assessment (jurisdiction, created_at);

CREATE TABLE dd_consultation (
    id            uuid        PRIMARY KEY,
    assessment_id uuid        NOT NULL REFERENCES dd_assessment (id),
    expert        text        NOT NULL,
    organisation  text        NOT NULL,
    consulted_on  date        NOT NULL,
    summary       text        NOT NULL,
    recorded_by   uuid        NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX dd_consultation_assessment ON dd_consultation (assessment_id);

CREATE TABLE jurisdiction_risk (
    jurisdiction char(2)     PRIMARY KEY,
    level        text        NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
    reason       text        NOT NULL,
    set_by       uuid        NOT NULL,
    set_at       timestamptz NOT NULL
);
