package org.custodian.removal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodian.policy.JurisdictionPolicy;
import org.custodian.policy.Pause;
import org.custodian.policy.PauseStage;
import org.custodian.policy.Pauses;
import org.custodian.shared.Actor;
import org.custodian.shared.Jurisdiction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives approved decisions their effect on the platform through every
 * {@link ContentControls}, and records the effect and when, audited per item: withheld in
 * the request's territorial scope, removed, or nothing to do. A pause of production that
 * covers removal requests holds the effect (the decision stands) until it is lifted.
 */
@Component
class RemovalEffects {

	private final List<ContentControls> controls;

	private final Pauses pauses;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RemovalNotices notices;

	RemovalEffects(List<ContentControls> controls, Pauses pauses, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock, RemovalNotices notices) {
		this.notices = notices;
		this.controls = controls;
		this.pauses = pauses;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Gives effect to approved items of one request, in the caller's transaction.
	 * @return how many items acting on content a pause of production now holds
	 */
	int giveEffect(RemovalRequest request, List<RemovalRequest.Item> items, Actor actor, Instant now) {
		Optional<Pause> held = JurisdictionPolicy.removalHold(request.jurisdiction(), request.territorialScope(),
				request.receivedAt(), PauseStage.PRODUCTION, this.pauses.allInForce(), now);
		List<String> subjects = new ArrayList<>();
		List<Map<String, Object>> details = new ArrayList<>();
		int heldCount = 0;
		for (RemovalRequest.Item item : items) {
			if (item.decision().actsOnContent() && held.isPresent()) {
				this.jdbc.sql("UPDATE removal_item SET effect_held_by = ? WHERE id = ?")
					.params(held.get().id(), item.id())
					.update();
				heldCount++;
				continue;
			}
			String effect = apply(item, request);
			List<String> where = (item.decision() == ItemDecision.RESTRICT_IN_JURISDICTION)
					? request.territorialScope().stream().map(Jurisdiction::code).toList() : List.of();
			this.jdbc.sql("""
					UPDATE removal_item SET effect = ?, effect_in = string_to_array(?, ','), effect_given_at = ?,
					  effect_held_by = NULL
					WHERE id = ?""")
				.params(effect, String.join(",", where), RemovalRequests.utc(now), item.id())
				.update();
			if (item.decision().actsOnContent()) {
				this.notices.effectGiven(request, item, effect, where, now);
			}
			subjects.add(item.id().toString());
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("requestId", request.id().toString());
			detail.put("position", item.position());
			detail.put("decision", item.decision().name());
			detail.put("effect", effect);
			detail.put("effectIn", where);
			detail.put("givenAt", now.toString());
			details.add(detail);
		}
		this.events.publishEvent(new RemovalAudit(actor, "removal.effect-given", RemovalAudit.ITEM, subjects, details));
		return heldCount;
	}

	/**
	 * Gives effect to the items a lifted pause held, unless another pause of production
	 * still holds them.
	 * @return how many items were given effect
	 */
	int releaseHeldBy(UUID pauseId, RemovalRequests requests, Actor actor) {
		List<UUID> requestIds = this.jdbc
			.sql("SELECT DISTINCT request_id FROM removal_item WHERE effect_held_by = ? ORDER BY request_id")
			.param(pauseId)
			.query(UUID.class)
			.list();
		int released = 0;
		Instant now = Instant.now(this.clock);
		for (UUID requestId : requestIds) {
			RemovalRequest request = requests.lock(requestId);
			List<RemovalRequest.Item> items = request.items()
				.stream()
				.filter((item) -> pauseId.equals(item.effectHeldBy()))
				.toList();
			released += items.size() - giveEffect(request, items, actor, now);
		}
		return released;
	}

	private String apply(RemovalRequest.Item item, RemovalRequest request) {
		return switch (item.decision()) {
			case RESTRICT_IN_JURISDICTION -> {
				this.controls.forEach((control) -> control.restrictIn(item.content(), request.territorialScope()));
				yield "RESTRICTED";
			}
			case REMOVE_GLOBALLY -> {
				this.controls.forEach((control) -> control.remove(item.content()));
				yield "REMOVED";
			}
			case NO_ACTION, NEED_MORE_INFO -> "NONE";
		};
	}

}
