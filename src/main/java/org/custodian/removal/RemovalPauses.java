package org.custodian.removal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodian.policy.JurisdictionPolicy;
import org.custodian.policy.Pause;
import org.custodian.policy.PauseCovers;
import org.custodian.policy.PauseScope;
import org.custodian.policy.PauseStage;
import org.custodian.policy.PausedRequests;
import org.custodian.policy.Pauses;
import org.custodian.shared.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Pauses applied to removal requests, in the transaction that enacts or lifts the pause
 * (docs/adr/0013): a pause of review that covers removal requests holds every matching
 * one not yet decided, in one statement; a pause of production holds the effect of
 * approved decisions ({@link RemovalEffects}). Lifting returns each held request to where
 * it stood (review, or its proposal awaiting approval) unless another pause holds it, and
 * gives effect to the decisions it held. The match mirrors {@link Pause#matchesRemoval}.
 */
@Component
class RemovalPauses implements PausedRequests {

	private static final String MATCHES = """
			status IN ('IN_REVIEW', 'PENDING_APPROVAL')
			AND ((? AND jurisdiction = ?) OR (? AND ? = ANY(territorial_scope)))
			AND (? OR received_at >= ?)""";

	private final JdbcClient jdbc;

	private final Pauses pauses;

	private final RemovalRequests requests;

	private final RemovalEffects effects;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RemovalPauses(JdbcClient jdbc, Pauses pauses, RemovalRequests requests, RemovalEffects effects,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.pauses = pauses;
		this.requests = requests;
		this.effects = effects;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public int holdMatching(Pause pause, Actor actor) {
		if (!holdsReview(pause)) {
			return 0;
		}
		List<Object> params = new ArrayList<>(List.of(pause.id(), pause.officerMessage()));
		params.addAll(params(pause));
		List<String> held = this.jdbc
			.sql("UPDATE removal_request SET status = 'ON_HOLD', held_by_pause = ?, " + "hold_reason = ? WHERE "
					+ MATCHES + " RETURNING id::text")
			.params(params)
			.query(String.class)
			.list();
		this.events.publishEvent(new RemovalAudit(actor, "removal.held", RemovalRequests.SUBJECT, held,
				held.stream().map((id) -> Map.<String, Object>of("pauseId", pause.id().toString())).toList()));
		return held.size();
	}

	@Override
	public int release(UUID pauseId, Actor actor, String rationale) {
		List<UUID> held = this.jdbc.sql("SELECT id FROM removal_request WHERE held_by_pause = ? ORDER BY id FOR UPDATE")
			.param(pauseId)
			.query(UUID.class)
			.list();
		List<Pause> inForce = this.pauses.allInForce();
		Instant now = Instant.now(this.clock);
		List<String> released = new ArrayList<>();
		for (UUID id : held) {
			RemovalRequest request = this.requests.require(id);
			Optional<Pause> still = JurisdictionPolicy.removalHold(request.jurisdiction(), request.territorialScope(),
					request.receivedAt(), PauseStage.REVIEW, inForce, now);
			if (still.isPresent()) {
				this.jdbc.sql("UPDATE removal_request SET held_by_pause = ?, hold_reason = ? WHERE id = ?")
					.params(still.get().id(), still.get().officerMessage(), id)
					.update();
				continue;
			}
			boolean pending = this.jdbc
				.sql("SELECT count(*) FROM removal_proposal WHERE request_id = ? AND status = 'PENDING'")
				.param(id)
				.query(Long.class)
				.single() > 0;
			this.requests.setStatus(id, pending ? RemovalStatus.PENDING_APPROVAL : RemovalStatus.IN_REVIEW);
			released.add(id.toString());
		}
		this.events.publishEvent(new RemovalAudit(actor, "removal.released", RemovalRequests.SUBJECT, released,
				released.stream()
					.map((id) -> Map.<String, Object>of("pauseId", pauseId.toString(), "rationale", rationale))
					.toList()));
		return released.size() + this.effects.releaseHeldBy(pauseId, this.requests, actor);
	}

	@Override
	public long preview(Pause pause) {
		if (!holdsReview(pause)) {
			return 0;
		}
		return this.jdbc.sql("SELECT count(*) FROM removal_request WHERE " + MATCHES)
			.params(params(pause))
			.query(Long.class)
			.single();
	}

	private static boolean holdsReview(Pause pause) {
		return pause.covers(PauseCovers.REMOVAL_REQUESTS) && pause.stops(PauseStage.REVIEW);
	}

	private static List<Object> params(Pause pause) {
		return List.of(pause.match().from(), pause.jurisdiction().code(), pause.match().about(),
				pause.jurisdiction().code(), pause.appliesTo() == PauseScope.ALL,
				RemovalRequests.utc(pause.effectiveFrom()));
	}

}
