package org.custodian.transparency;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.intake.RequestSubmitted;
import org.custodian.review.CaseEvents.RequestTransitioned;
import org.custodian.review.RequestsTransitioned;
import org.custodian.shared.AuditableEvent;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one ledger row per request from the lifecycle's events, in the transaction of
 * each change, so the report counts exactly what happened. Every fact it keeps comes from
 * an audited event, so the same figures can be recomputed from the audit log alone
 * ({@link AuditedFigures}); keep the two in step.
 */
@Component
class TransparencyLedger {

	private final JdbcClient jdbc;

	private final Clock clock;

	TransparencyLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs right after the audit log, before screening reacts to the same event. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	@Transactional
	public void on(RequestSubmitted submitted) {
		this.jdbc.sql("""
				INSERT INTO transparency_request (request_id, period, jurisdiction, type, accounts, non_disclosure)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(submitted.requestId().value(), Period.of(submitted.receivedAt()).toString(),
					submitted.jurisdiction().code(), submitted.type().name(), submitted.targets(),
					submitted.nonDisclosureOrder())
			.update();
	}

	@EventListener
	@Transactional
	public void on(RequestTransitioned transition) {
		record(transition.action(), transition.extra(), new UUID[] { transition.requestId().value() });
	}

	@EventListener
	@Transactional
	public void on(RequestsTransitioned transitions) {
		record(transitions.action(), Map.of(),
				transitions.subjectIds().stream().map(UUID::fromString).toArray(UUID[]::new));
	}

	/**
	 * What other modules record about a request and the report counts: notices sent, and
	 * emergency callbacks that did not confirm the request.
	 */
	@EventListener
	@Transactional
	public void on(AuditableEvent event) {
		if (!"request".equals(event.subjectType())) {
			return;
		}
		UUID id = UUID.fromString(event.subjectId());
		if ("notice.sent".equals(event.action())) {
			this.jdbc.sql("UPDATE transparency_request SET users_notified = users_notified + 1 WHERE request_id = ?")
				.param(id)
				.update();
		}
		else if ("emergency.callback-recorded".equals(event.action())) {
			this.jdbc.sql("UPDATE transparency_request SET emergency_unverified = ? WHERE request_id = ?")
				.params(!Boolean.TRUE.equals(event.details().get("confirmed")), id)
				.update();
		}
	}

	private void record(String action, Map<String, Object> extra, UUID[] ids) {
		List<Object> params = new ArrayList<>();
		String assignment = switch (action) {
			case "request.held" -> "held = true";
			case "request.preserved" -> "preserved = true";
			case "request.produced" -> {
				params.add(OffsetDateTime.now(this.clock));
				yield "produced = true, produced_at = ?";
			}
			case "request.approved", "request.rejected", "request.closed", "request.refused",
					"request.mlat-required" -> {
				params.add(extra.get("outcome"));
				params.add(extra.get("rejectionReason"));
				yield "outcome = ?, rejection_reason = ?";
			}
			default -> null;
		};
		if (assignment == null || ids.length == 0) {
			return;
		}
		params.add(ids);
		this.jdbc.sql("UPDATE transparency_request SET " + assignment + " WHERE request_id = ANY(?::uuid[])")
			.params(params)
			.update();
	}

}
