-- Which kinds of request a pause covers: data requests (every pause until now), removal
-- requests, or both (docs/adr/0013).
ALTER TABLE pause ADD COLUMN covers text[] NOT NULL DEFAULT '{DATA_REQUESTS}';
ALTER TABLE pause ADD CONSTRAINT pause_covers CHECK (
    cardinality(covers) > 0 AND covers <@ ARRAY['DATA_REQUESTS', 'REMOVAL_REQUESTS']::text[]);
