-- The directory's accounts each request's targets resolved to at intake, so the case page can show
-- the other open requests about the same account (issue 14). Requests received earlier have none.
CREATE TABLE case_target_account (
    account_id text NOT NULL,
    request_id uuid NOT NULL REFERENCES review_case (request_id),
    PRIMARY KEY (account_id, request_id)
);
CREATE INDEX case_target_account_request ON case_target_account (request_id);
