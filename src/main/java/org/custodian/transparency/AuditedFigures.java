package org.custodian.transparency;

/**
 * The ledger as the audit log alone tells it: one row per request with the same columns
 * as {@code transparency_request}, derived from the first {@code n} audit events, so a
 * published report can be recomputed from the log it cites and compared. Mirrors
 * {@link TransparencyLedger} event by event; a change to one is a change to both.
 */
final class AuditedFigures {

	private static final String OUTCOMES = "('request.approved', 'request.rejected', 'request.closed', "
			+ "'request.refused', 'request.mlat-required')";

	/**
	 * A relation with the ledger's columns; its two parameters are the number of audit
	 * events to read.
	 */
	static final String LEDGER = """
			(SELECT s.subject_id AS request_id,
			   to_char(s.received, 'YYYY') || '-H' || CASE WHEN extract(month FROM s.received) <= 6 THEN '1' ELSE '2' END
			     AS period,
			   s.d ->> 'jurisdiction' AS jurisdiction,
			   s.d ->> 'type' AS type,
			   (s.d ->> 'targets')::int AS accounts,
			   (s.d ->> 'nonDisclosureOrder')::boolean AS non_disclosure,
			   coalesce(f.held, false) AS held,
			   coalesce(f.preserved, false) AS preserved,
			   coalesce(f.produced, false) AS produced,
			   f.outcome,
			   f.rejection_reason,
			   coalesce(f.users_notified, 0) AS users_notified,
			   coalesce(f.emergency_unverified, false) AS emergency_unverified
			 FROM (SELECT subject_id, details::jsonb AS d,
			         coalesce((details::jsonb ->> 'receivedAt')::timestamptz, occurred_at) AT TIME ZONE 'UTC' AS received
			       FROM audit_event
			       WHERE seq <= ? AND subject_type = 'request' AND action = 'request.submitted') s
			 LEFT JOIN (SELECT subject_id,
			     bool_or(action = 'request.held') AS held,
			     bool_or(action = 'request.preserved') AS preserved,
			     bool_or(action = 'request.produced') AS produced,
			     (array_agg(details::jsonb ->> 'outcome' ORDER BY seq DESC) FILTER (WHERE action IN %1$s))[1] AS outcome,
			     (array_agg(details::jsonb ->> 'rejectionReason' ORDER BY seq DESC)
			       FILTER (WHERE action IN %1$s))[1] AS rejection_reason,
			     count(*) FILTER (WHERE action = 'notice.sent') AS users_notified,
			     (array_agg(NOT coalesce((details::jsonb ->> 'confirmed')::boolean, false) ORDER BY seq DESC)
			       FILTER (WHERE action = 'emergency.callback-recorded'))[1] AS emergency_unverified
			   FROM audit_event
			   WHERE seq <= ? AND subject_type = 'request' AND action IN ('request.held', 'request.preserved',
			     'request.produced', 'notice.sent', 'emergency.callback-recorded', 'request.approved', 'request.rejected',
			     'request.closed', 'request.refused', 'request.mlat-required')
			   GROUP BY subject_id) f ON f.subject_id = s.subject_id)"""
		.formatted(OUTCOMES);

	/**
	 * The removal module's {@code removal_report_item} as the audit log tells it: one row
	 * per item of every {@code removal.submitted} (its jurisdiction, basis, reason and
	 * receipt), with the decision and effect of the item's latest
	 * {@code removal.effect-given} and whether a {@code removal.item-restored} followed,
	 * and the appeals against the item: each {@code removal.appeal-filed}, and each
	 * {@code removal.appeal-decided} by its outcome. Its three parameters are the number
	 * of audit events to read.
	 */
	static final String REMOVALS = """
			(SELECT s.subject_id AS request_id, p.position,
			   s.d ->> 'jurisdiction' AS jurisdiction,
			   s.d ->> 'basis' AS basis,
			   s.d ->> 'reason' AS reason,
			   s.received AS received_at,
			   e.effect ->> 'decision' AS decision,
			   e.effect ->> 'effect' AS effect,
			   coalesce((e.effect ->> 'givenAt')::timestamptz, e.given_logged) AS effect_given_at,
			   coalesce(e.restored, false) AS restored,
			   coalesce(a.lodged, 0) AS appeals,
			   coalesce(a.upheld, 0) AS appeals_upheld,
			   coalesce(a.restored, 0) AS appeals_restored
			 FROM (SELECT subject_id, details::jsonb AS d,
			         coalesce((details::jsonb ->> 'receivedAt')::timestamptz, occurred_at) AS received
			       FROM audit_event
			       WHERE seq <= ? AND subject_type = 'removal_request' AND action = 'removal.submitted') s
			 CROSS JOIN LATERAL generate_series(0, (s.d ->> 'items')::int - 1) AS p(position)
			 LEFT JOIN (SELECT subject_id AS item_id,
			              (array_agg(details::jsonb ORDER BY seq DESC)
			                    FILTER (WHERE action = 'removal.effect-given'))[1] AS effect,
			              (array_agg(occurred_at ORDER BY seq DESC) FILTER (WHERE action = 'removal.effect-given'))[1]
			                AS given_logged,
			              bool_or(action = 'removal.item-restored') AS restored
			            FROM audit_event
			            WHERE seq <= ? AND subject_type = 'removal_item'
			              AND action IN ('removal.effect-given', 'removal.item-restored')
			            GROUP BY subject_id) e
			   ON e.effect ->> 'requestId' = s.subject_id AND (e.effect ->> 'position')::int = p.position
			 LEFT JOIN (SELECT details::jsonb ->> 'itemId' AS item_id,
			              count(*) FILTER (WHERE action = 'removal.appeal-filed') AS lodged,
			              count(*) FILTER (WHERE action = 'removal.appeal-decided'
			                AND details::jsonb ->> 'outcome' = 'UPHOLD') AS upheld,
			              count(*) FILTER (WHERE action = 'removal.appeal-decided'
			                AND details::jsonb ->> 'outcome' = 'RESTORE') AS restored
			            FROM audit_event
			            WHERE seq <= ? AND subject_type = 'removal_appeal'
			              AND action IN ('removal.appeal-filed', 'removal.appeal-decided')
			            GROUP BY 1) a
			   ON a.item_id = e.item_id)""";

	private AuditedFigures() {
	}

}
