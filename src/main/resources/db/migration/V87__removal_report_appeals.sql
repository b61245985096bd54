-- Appeals in the removal figures (issue 12, DSA Art. 15(1)(d) and 20; docs/adr/0022): the
-- view gains, per item, the appeals lodged against its effect and how many were decided
-- each way. Columns are added at the end, so the view's earlier columns stay as V64 made
-- them; transparency.AuditedFigures derives the same three from the audit log.
CREATE OR REPLACE VIEW removal_report_item AS
SELECT r.id AS request_id,
       i.position,
       r.jurisdiction,
       r.basis,
       r.reason,
       r.received_at,
       i.decision,
       i.effect,
       i.effect_given_at,
       i.restored_at IS NOT NULL AS restored,
       coalesce(a.lodged, 0) AS appeals,
       coalesce(a.upheld, 0) AS appeals_upheld,
       coalesce(a.restored, 0) AS appeals_restored
FROM removal_request r
JOIN removal_item i ON i.request_id = r.id
LEFT JOIN (SELECT item_id,
                  count(*) AS lodged,
                  count(*) FILTER (WHERE status = 'UPHELD') AS upheld,
                  count(*) FILTER (WHERE status = 'RESTORED') AS restored
           FROM removal_appeal
           GROUP BY item_id) a ON a.item_id = i.id;
