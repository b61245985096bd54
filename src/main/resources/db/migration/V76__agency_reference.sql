-- The agency's own reference number for a request (its file number), optional, as the
-- officer gave it at submission; copied to the case so staff can find it in the queue.
ALTER TABLE request ADD COLUMN agency_reference text;
ALTER TABLE review_case ADD COLUMN agency_reference text;

-- Staff search by case number or agency reference: exact or prefix, case-insensitive
-- for the reference (text_pattern_ops serves LIKE 'prefix%' on lower()).
CREATE INDEX review_case_case_number ON review_case (case_number text_pattern_ops);
CREATE INDEX review_case_agency_reference ON review_case (lower(agency_reference) text_pattern_ops)
    WHERE agency_reference IS NOT NULL;
