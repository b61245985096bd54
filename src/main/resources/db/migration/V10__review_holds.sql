-- What screening needs to apply jurisdiction policy in bulk: the home jurisdictions of the
-- targeted accounts, and which pause holds a request.
ALTER TABLE review_case ADD COLUMN target_jurisdictions text[] NOT NULL DEFAULT '{}';
ALTER TABLE review_case ADD COLUMN held_by_pause uuid;
ALTER TABLE review_case ADD COLUMN sanctions_match jsonb;
ALTER TABLE review_case ADD COLUMN sanctions_cleared boolean NOT NULL DEFAULT false;
CREATE INDEX review_case_targets ON review_case USING gin (target_jurisdictions);
CREATE INDEX review_case_held_by ON review_case (held_by_pause) WHERE held_by_pause IS NOT NULL;

-- A human-rights lead's assessment of one request (mandatory in HIGH-risk jurisdictions).
CREATE TABLE human_rights_review (
    request_id uuid        PRIMARY KEY REFERENCES review_case (request_id),
    verdict    text        NOT NULL,
    note       text        NOT NULL,
    lead_id    uuid        NOT NULL,
    reviewed_at timestamptz NOT NULL
);
