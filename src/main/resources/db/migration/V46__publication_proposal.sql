-- Four eyes on transparency publications: one policy administrator (or administrator)
-- proposes a period's publication, a second one confirms it; the figures are computed and
-- signed at confirmation, and the publication takes the proposal's id.
CREATE TABLE transparency_publication_proposal (
    id             uuid        PRIMARY KEY,
    period         text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PROPOSED', 'PUBLISHED', 'WITHDRAWN', 'REJECTED')),
    proposed_by    text        NOT NULL,
    proposed_at    timestamptz NOT NULL,
    decided_by     text,
    decided_at     timestamptz,
    decline_reason text,
    CHECK ((status = 'PROPOSED') = (decided_at IS NULL))
);
CREATE INDEX transparency_publication_proposal_open ON transparency_publication_proposal (proposed_at)
    WHERE status = 'PROPOSED';
