CREATE TABLE review_case (
    request_id        uuid        PRIMARY KEY,
    case_number       text        NOT NULL,
    agency_id         uuid        NOT NULL,
    jurisdiction      char(2)     NOT NULL,
    type              text        NOT NULL,
    instrument        text,
    categories        text[]      NOT NULL,
    status            text        NOT NULL,
    hold_reason       text,
    assignee_id       uuid,
    received_at       timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL,
    version           int         NOT NULL DEFAULT 0
);
-- One index per queue filter, each ending in the keyset (received_at, request_id).
CREATE INDEX review_case_queue ON review_case (received_at, request_id);
CREATE INDEX review_case_status ON review_case (status, received_at, request_id);
CREATE INDEX review_case_jurisdiction ON review_case (jurisdiction, status, received_at, request_id);
CREATE INDEX review_case_agency ON review_case (agency_id, received_at, request_id);

-- What screening found, per requested category: does the instrument compel it?
CREATE TABLE screening_result (
    request_id uuid    NOT NULL REFERENCES review_case (request_id),
    category   text    NOT NULL,
    verdict    text    NOT NULL,
    note       text    NOT NULL,
    PRIMARY KEY (request_id, category)
);

CREATE TABLE decision (
    id               uuid        PRIMARY KEY,
    request_id       uuid        NOT NULL REFERENCES review_case (request_id),
    outcome          text        NOT NULL,
    categories       text[]      NOT NULL,
    reason           text        NOT NULL,
    rejection_reason text,
    assessment       jsonb       NOT NULL,
    proposed_by      uuid        NOT NULL,
    proposed_at      timestamptz NOT NULL,
    approver_id      uuid,
    approved         boolean,
    approval_comment text,
    decided_at       timestamptz
);
CREATE INDEX decision_request ON decision (request_id, proposed_at);

CREATE TABLE case_question (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES review_case (request_id),
    question    text        NOT NULL,
    asked_by    uuid        NOT NULL,
    asked_at    timestamptz NOT NULL,
    answer      text,
    answered_by uuid,
    answered_at timestamptz
);
CREATE INDEX case_question_request ON case_question (request_id, asked_at);
