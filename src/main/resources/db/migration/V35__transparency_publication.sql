-- Published transparency reports: the figures exactly as signed (an Ed25519 JWS over the
-- document), with the audit log's size and head hash at the moment they were computed, so
-- `report verify` can recompute them from that log. Published reports are never edited:
-- a correction is a new publication.
CREATE TABLE transparency_publication (
    id                uuid        PRIMARY KEY,
    period            text        NOT NULL,
    published_at      timestamptz NOT NULL,
    published_by      text        NOT NULL,
    audit_event_count bigint      NOT NULL,
    audit_head_hash   char(64)    NOT NULL,
    key_id            text        NOT NULL,
    document          text        NOT NULL,
    jws               text        NOT NULL
);
CREATE INDEX transparency_publication_period ON transparency_publication (period, published_at DESC);

CREATE FUNCTION transparency_publication_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'transparency_publication is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER transparency_publication_immutable BEFORE UPDATE OR DELETE ON transparency_publication
    FOR EACH ROW EXECUTE FUNCTION transparency_publication_immutable();
