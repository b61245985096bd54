-- Screening facts, the production gate, approval checks and lifting look up a request's targets'
-- jurisdictions by request; the primary key (jurisdiction, request_id) serves only the pause match.
-- Without this index each lookup scanned the whole table (issue 13: 3.5 ms per request at 100 000).
CREATE INDEX case_target_jurisdiction_request ON case_target_jurisdiction (request_id);
