-- Government removal requests (issue 12, docs/adr/0013): a request with its order, and one
-- row per item (URL, post, account, app) that gets its own decision and effect.
CREATE SEQUENCE removal_case_number_seq;

CREATE TABLE removal_request (
    id                uuid        PRIMARY KEY,
    case_number       text        NOT NULL UNIQUE,
    agency_id         uuid        NOT NULL,
    officer_id        uuid        NOT NULL,
    jurisdiction      char(2)     NOT NULL,
    basis             text        NOT NULL,
    legal_basis       text,
    issuing_authority text        NOT NULL,
    reason            text        NOT NULL,
    explanation       text        NOT NULL,
    territorial_scope text[]      NOT NULL,
    respond_by        date,
    status            text        NOT NULL CHECK (status IN ('IN_REVIEW', 'ON_HOLD', 'PENDING_APPROVAL', 'DECIDED')),
    held_by_pause     uuid,
    hold_reason       text,
    received_at       timestamptz NOT NULL,
    acknowledged_at   timestamptz NOT NULL,
    CHECK ((status = 'ON_HOLD') = (held_by_pause IS NOT NULL))
);
CREATE INDEX removal_request_agency ON removal_request (agency_id, received_at, id);
CREATE INDEX removal_request_queue ON removal_request (status, received_at, id);
CREATE INDEX removal_request_held ON removal_request (held_by_pause) WHERE held_by_pause IS NOT NULL;

CREATE TABLE removal_document (
    request_id uuid     PRIMARY KEY REFERENCES removal_request (id),
    filename   text     NOT NULL,
    size_bytes bigint   NOT NULL,
    sha256     char(64) NOT NULL,
    content    bytea    NOT NULL
);

-- One reviewer's proposal for some of a request's items, with one assessment; approved or
-- returned as a whole by a second person.
CREATE TABLE removal_proposal (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES removal_request (id),
    reason      text        NOT NULL,
    assessment  jsonb       NOT NULL,
    proposed_by uuid        NOT NULL,
    proposed_at timestamptz NOT NULL,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'RETURNED')),
    decided_by  uuid,
    decided_at  timestamptz,
    comment     text
);
CREATE UNIQUE INDEX removal_proposal_one_pending ON removal_proposal (request_id) WHERE status = 'PENDING';

CREATE TABLE removal_item (
    id               uuid    PRIMARY KEY,
    request_id       uuid    NOT NULL REFERENCES removal_request (id),
    position         int     NOT NULL,
    kind             text    NOT NULL,
    value            text    NOT NULL,
    status           text    NOT NULL CHECK (status IN ('OPEN', 'PROPOSED', 'DECIDED')),
    proposal_id      uuid    REFERENCES removal_proposal (id),
    decision         text,
    no_action_reason text,
    -- the effect given on the platform: RESTRICTED (in effect_in), REMOVED, NONE
    effect           text,
    effect_in        text[],
    effect_given_at  timestamptz,
    -- approved, but a pause of production holds its effect
    effect_held_by   uuid,
    restored_at      timestamptz,
    UNIQUE (request_id, position)
);
CREATE INDEX removal_item_held ON removal_item (effect_held_by) WHERE effect_held_by IS NOT NULL;

CREATE TABLE removal_idempotency_key (
    officer_id  uuid        NOT NULL,
    key         text        NOT NULL,
    fingerprint char(64)    NOT NULL,
    request_id  uuid        NOT NULL REFERENCES removal_request (id),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (officer_id, key)
);

CREATE TABLE removal_human_rights_review (
    request_id  uuid        PRIMARY KEY REFERENCES removal_request (id),
    verdict     text        NOT NULL,
    note        text        NOT NULL,
    lead_id     uuid        NOT NULL,
    reviewed_at timestamptz NOT NULL
);
