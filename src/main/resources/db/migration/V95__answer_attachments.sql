-- A PDF the officer attaches to a reply to the response team's question (issue 14): checked as the
-- request's own document is (its bytes, 20 MB), stored with its SHA-256. One reply answers every
-- open question, so each of them names the same attachment.
CREATE TABLE case_answer_attachment (
    id          uuid        PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES review_case (request_id),
    filename    text        NOT NULL,
    size_bytes  bigint      NOT NULL,
    sha256      char(64)    NOT NULL,
    content     bytea       NOT NULL,
    uploaded_by uuid        NOT NULL,
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX case_answer_attachment_request ON case_answer_attachment (request_id);

ALTER TABLE case_question ADD COLUMN answer_attachment_id uuid REFERENCES case_answer_attachment (id);
