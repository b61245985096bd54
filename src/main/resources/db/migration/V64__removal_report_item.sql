-- The removal module's figures for the transparency report (docs/adr/0013): one row per
-- item with what the period report counts. The transparency module reads this view, not
-- the removal tables; transparency.AuditedFigures derives the same columns from the audit
-- log, so a published report can be recomputed without either.
CREATE VIEW removal_report_item AS
SELECT r.id AS request_id,
       i.position,
       r.jurisdiction,
       r.basis,
       r.reason,
       r.received_at,
       i.decision,
       i.effect,
       i.effect_given_at,
       i.restored_at IS NOT NULL AS restored
FROM removal_request r
JOIN removal_item i ON i.request_id = r.id;
