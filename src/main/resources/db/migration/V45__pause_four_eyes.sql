-- Four eyes on pauses: a pause is proposed by one policy administrator and enacted when a
-- second one confirms it; an urgent pause is enacted by one and reviewed by a second within
-- custodian.policy.urgent-review-within; a lifting is proposed by one and confirmed by a second.
-- Only IN_FORCE pauses hold anything.
ALTER TABLE pause
    ADD COLUMN status              text,
    ADD COLUMN proposed_by         uuid,
    ADD COLUMN proposed_at         timestamptz,
    ADD COLUMN urgent_reason       text,
    ADD COLUMN review_due_at       timestamptz,
    ADD COLUMN reviewed_by         uuid,
    ADD COLUMN reviewed_at         timestamptz,
    ADD COLUMN review_note         text,
    ADD COLUMN declined_by         uuid,
    ADD COLUMN declined_at         timestamptz,
    ADD COLUMN decline_reason      text,
    ADD COLUMN lifting_proposed_by uuid,
    ADD COLUMN lifting_proposed_at timestamptz;

-- Pauses enacted before four eyes were enacted by one person, who counts as their proposer.
UPDATE pause SET status = CASE WHEN lifted_at IS NULL THEN 'IN_FORCE' ELSE 'LIFTED' END,
    proposed_by = enacted_by, proposed_at = enacted_at,
    lifting_proposed_by = lifted_by, lifting_proposed_at = lifted_at;

ALTER TABLE pause
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN proposed_by SET NOT NULL,
    ALTER COLUMN proposed_at SET NOT NULL,
    ALTER COLUMN enacted_by DROP NOT NULL,
    ALTER COLUMN enacted_at DROP NOT NULL,
    ADD CONSTRAINT pause_status CHECK (status IN ('PROPOSED', 'IN_FORCE', 'WITHDRAWN', 'REJECTED', 'LIFTED')),
    ADD CONSTRAINT pause_enacted CHECK ((status IN ('IN_FORCE', 'LIFTED')) = (enacted_at IS NOT NULL)),
    ADD CONSTRAINT pause_lifted CHECK ((status = 'LIFTED') = (lifted_at IS NOT NULL)),
    ADD CONSTRAINT pause_urgent CHECK ((urgent_reason IS NULL) = (review_due_at IS NULL)),
    ADD CONSTRAINT pause_lifting_proposed CHECK (lifting_proposed_at IS NULL OR status IN ('IN_FORCE', 'LIFTED')),
    ADD CONSTRAINT pause_lifting_confirmed CHECK (lifted_at IS NULL OR lifting_proposed_at IS NOT NULL);

DROP INDEX pause_in_force;
CREATE INDEX pause_in_force ON pause (jurisdiction) WHERE status = 'IN_FORCE';
CREATE INDEX pause_open_proposal ON pause (proposed_at) WHERE status = 'PROPOSED';
