-- Which pause holds a request, and the sanctions screening's finding.
-- (No index on held_by_pause: lifting finds held requests through the status index.)
ALTER TABLE review_case ADD COLUMN held_by_pause uuid;
-- The status a request had when a pause held it (set by the one-statement hold, for its audit events).
ALTER TABLE review_case ADD COLUMN held_from text;
ALTER TABLE review_case ADD COLUMN sanctions_match jsonb;
ALTER TABLE review_case ADD COLUMN sanctions_cleared boolean NOT NULL DEFAULT false;

-- The home jurisdictions of a request's targeted accounts, for pauses ABOUT users. A table of its
-- own, never updated: holding or releasing requests then maintains no index entries for it.
CREATE TABLE case_target_jurisdiction (
    jurisdiction char(2) NOT NULL,
    request_id   uuid    NOT NULL REFERENCES review_case (request_id),
    PRIMARY KEY (jurisdiction, request_id)
);

-- A human-rights lead's assessment of one request (mandatory in HIGH-risk jurisdictions).
CREATE TABLE human_rights_review (
    request_id uuid        PRIMARY KEY REFERENCES review_case (request_id),
    verdict    text        NOT NULL,
    note       text        NOT NULL,
    lead_id    uuid        NOT NULL,
    reviewed_at timestamptz NOT NULL
);
