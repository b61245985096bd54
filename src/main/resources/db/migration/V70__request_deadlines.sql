-- Deadlines (issue 14): the return date an instrument names, if the officer gave it, and the
-- due time computed at intake from the configured rules (ADR 0015).
ALTER TABLE request ADD COLUMN respond_by date;

ALTER TABLE review_case ADD COLUMN due_at timestamptz;
-- Requests received before deadlines existed get the default rules' due time (emergency: 4 hours,
-- preservation: a day, legal process: 30 days); the application's rules apply from now on.
UPDATE review_case SET due_at = received_at + CASE type
    WHEN 'EMERGENCY' THEN interval '4 hours'
    WHEN 'PRESERVATION' THEN interval '1 day'
    ELSE interval '30 days' END;
ALTER TABLE review_case ALTER COLUMN due_at SET NOT NULL;

-- Emergencies first, whatever their due time; then by due time (the queue's "most urgent first").
ALTER TABLE review_case ADD COLUMN urgency smallint
    GENERATED ALWAYS AS (CASE WHEN type = 'EMERGENCY' THEN 0 ELSE 1 END) STORED;
-- Open: the response team still owes the agency an answer (CaseStatus.OPEN).
ALTER TABLE review_case ADD COLUMN open boolean
    GENERATED ALWAYS AS (status IN ('RECEIVED', 'SCREENING', 'ON_HOLD', 'IN_REVIEW', 'NEEDS_INFO',
        'PENDING_APPROVAL', 'APPROVED', 'PRODUCING')) STORED;

-- The queue's default view (open, most urgent first) and "mine", each ending in its keyset.
CREATE INDEX review_case_open_urgent ON review_case (urgency, due_at, request_id) WHERE open;
CREATE INDEX review_case_open_assignee ON review_case (assignee_id, urgency, due_at, request_id) WHERE open;
-- The overdue and due-soon filters and the daily digest: a range of due times among open cases.
CREATE INDEX review_case_open_due ON review_case (due_at) WHERE open;
