package org.custodian.review;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.custodian.policy.Pause;
import org.custodian.policy.PauseCovers;
import org.custodian.policy.PauseScope;
import org.custodian.policy.PauseStage;
import org.custodian.policy.RequestFacts;
import org.custodian.shared.Actor;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based changes to many requests at once: a pause's what-if preview, holding every
 * matching request in one statement, and moving a set of requests on. The WHERE clause
 * mirrors {@link Pause#matches}; the statuses come from the one transition table (all of
 * them open: {@code open} lets PostgreSQL use the open cases' partial indexes, since no
 * index has the status in its key, V91).
 */
@Repository
class Holds {

	private static final String MATCHES = """
			open AND status = ANY(?::text[])
			AND ((? AND jurisdiction = ?)
			  OR (? AND request_id IN (SELECT request_id FROM case_target_jurisdiction WHERE jurisdiction = ?)))
			AND (? OR received_at >= ?)
			AND NOT (? AND type = 'EMERGENCY')""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Holds(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * How many requests the pause would hold now, by status, and the first case numbers.
	 */
	Preview preview(Pause pause) {
		Map<String, Long> byStatus = new TreeMap<>();
		if (!pause.covers(PauseCovers.DATA_REQUESTS)) {
			return new Preview(0, byStatus, List.of());
		}
		this.jdbc.sql("SELECT status, count(*) AS n FROM review_case WHERE " + MATCHES + " GROUP BY status")
			.params(params(pause))
			.query((rs, row) -> byStatus.put(rs.getString("status"), rs.getLong("n")))
			.list();
		List<String> sample = this.jdbc
			.sql("SELECT case_number FROM review_case WHERE " + MATCHES + " ORDER BY received_at LIMIT 100")
			.params(params(pause))
			.query(String.class)
			.list();
		long affected = byStatus.values().stream().mapToLong(Long::longValue).sum();
		return new Preview(affected, byStatus, sample);
	}

	/**
	 * Holds every matching request at a stopped stage in one statement, one audit event
	 * each.
	 */
	int holdMatching(Pause pause, Actor actor) {
		List<String> ids = new ArrayList<>();
		List<Map<String, Object>> details = new ArrayList<>();
		// One details instance per previous status, shared by its requests (the audit log
		// writes each instance's JSON once).
		Map<String, Map<String, Object>> byPrevious = new HashMap<>();
		String reason = pause.officerMessage();
		List<Object> params = new ArrayList<>(List.of(reason, pause.id(), Cases.utc(Instant.now(this.clock))));
		params.addAll(params(pause));
		this.jdbc.sql("""
				UPDATE review_case SET held_from = status, status = 'ON_HOLD', hold_reason = ?, held_by_pause = ?,
				  status_changed_at = ?, version = version + 1
				WHERE %s
				RETURNING request_id, held_from AS previous""".formatted(MATCHES)).params(params).query((rs, row) -> {
			ids.add(rs.getString("request_id"));
			// The pause's own audit event carries its reason; each request's event names
			// the pause.
			details.add(byPrevious.computeIfAbsent(rs.getString("previous"),
					(previous) -> Map.of("from", previous, "to", "ON_HOLD", "pauseId", pause.id().toString())));
			return null;
		}).list();
		this.events.publishEvent(new RequestsTransitioned(actor, "request.held", ids, details));
		return ids.size();
	}

	/**
	 * The requests a pause holds, with the facts jurisdiction policy needs to screen them
	 * again: one statement, however many.
	 */
	Map<UUID, RequestFacts> heldBy(UUID pauseId) {
		return facts("open AND status = 'ON_HOLD' AND held_by_pause = ?", pauseId);
	}

	/**
	 * Moves the requests that are at {@code from} to {@code to} in one statement.
	 * @return the requests moved
	 */
	List<UUID> move(Collection<UUID> ids, CaseStatus from, CaseStatus to, String action, Actor actor, String reason,
			Pause heldBy) {
		if (!from.canMoveTo(to)) {
			throw new IllegalStateException(from + " cannot move to " + to);
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		List<UUID> moved = this.jdbc.sql("""
				UPDATE review_case SET status = ?, hold_reason = ?, held_by_pause = ?, status_changed_at = ?,
				  version = version + 1
				WHERE request_id = ANY(?::uuid[]) AND status = ?
				RETURNING request_id""")
			.params(to.name(), (to == CaseStatus.ON_HOLD) ? reason : null, (heldBy != null) ? heldBy.id() : null,
					Cases.utc(Instant.now(this.clock)), ids.toArray(UUID[]::new), from.name())
			.query(UUID.class)
			.list();
		Map<String, Object> detail = detail(from, to, reason, heldBy);
		this.events.publishEvent(new RequestsTransitioned(actor, action, moved.stream().map(UUID::toString).toList(),
				Collections.nCopies(moved.size(), detail)));
		return moved;
	}

	/**
	 * Releases the held requests and moves them on from screening to {@code to} in one
	 * statement, recording both steps: {@code request.released} (ON_HOLD to SCREENING)
	 * and then {@code action} (SCREENING to {@code to}), as two moves would.
	 * @return the requests moved
	 */
	List<UUID> release(Release release, Collection<UUID> ids, CaseStatus to, String action, Actor actor, String reason,
			Pause heldBy) {
		if (!CaseStatus.ON_HOLD.canMoveTo(CaseStatus.SCREENING) || !CaseStatus.SCREENING.canMoveTo(to)) {
			throw new IllegalStateException("ON_HOLD cannot move to " + to + " through SCREENING");
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		List<UUID> moved = this.jdbc.sql("""
				UPDATE review_case SET status = ?, hold_reason = ?, held_by_pause = ?, status_changed_at = ?,
				  version = version + 1
				WHERE request_id = ANY(?::uuid[]) AND status = 'ON_HOLD'
				RETURNING request_id""")
			.params(to.name(), (to == CaseStatus.ON_HOLD) ? reason : null, (heldBy != null) ? heldBy.id() : null,
					Cases.utc(Instant.now(this.clock)), ids.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
		List<String> subjects = moved.stream().map(UUID::toString).toList();
		Map<String, Object> released = detail(CaseStatus.ON_HOLD, CaseStatus.SCREENING, release.reason(), null);
		this.events.publishEvent(new RequestsTransitioned(release.actor(), "request.released", subjects,
				Collections.nCopies(moved.size(), released)));
		Map<String, Object> next = detail(CaseStatus.SCREENING, to, reason, heldBy);
		this.events
			.publishEvent(new RequestsTransitioned(actor, action, subjects, Collections.nCopies(moved.size(), next)));
		return moved;
	}

	private static Map<String, Object> detail(CaseStatus from, CaseStatus to, String reason, Pause heldBy) {
		Map<String, Object> detail = new TreeMap<>(Map.of("from", from.name(), "to", to.name()));
		if (reason != null) {
			detail.put("reason", reason);
		}
		if (heldBy != null) {
			detail.put("pauseId", heldBy.id().toString());
		}
		return detail;
	}

	/** The facts jurisdiction policy needs, for each request. */
	Map<UUID, RequestFacts> facts(Collection<UUID> ids) {
		return facts("request_id = ANY(?::uuid[])", ids.toArray(UUID[]::new));
	}

	private Map<UUID, RequestFacts> facts(String where, Object param) {
		Map<UUID, RequestFacts> facts = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT request_id, type, instrument, jurisdiction, received_at,
				  ARRAY(SELECT t.jurisdiction::text FROM case_target_jurisdiction t WHERE t.request_id = c.request_id)
				    AS target_jurisdictions
				FROM review_case c""" + " WHERE " + where)
			.param(param)
			.query((rs, row) -> facts.put(rs.getObject("request_id", UUID.class), facts(rs)))
			.list();
		return facts;
	}

	private static RequestFacts facts(ResultSet rs) throws SQLException {
		String instrument = rs.getString("instrument");
		Set<Jurisdiction> targets = new HashSet<>();
		Array array = rs.getArray("target_jurisdictions");
		for (String code : (String[]) array.getArray()) {
			targets.add(Jurisdiction.of(code));
		}
		return new RequestFacts(RequestType.valueOf(rs.getString("type")),
				(instrument != null) ? Instrument.valueOf(instrument) : null,
				Jurisdiction.of(rs.getString("jurisdiction")), targets,
				rs.getObject("received_at", OffsetDateTime.class).toInstant());
	}

	private static List<Object> params(Pause pause) {
		Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
		for (PauseStage stage : pause.stages()) {
			statuses.addAll(CaseStatus.atStage(stage));
		}
		return new ArrayList<>(List.of(statuses.stream().map(Enum::name).toArray(String[]::new), pause.match().from(),
				pause.jurisdiction().code(), pause.match().about(), pause.jurisdiction().code(),
				pause.appliesTo() == PauseScope.ALL, Cases.utc(pause.effectiveFrom()), pause.exceptEmergencies()));
	}

	/** Who releases held requests, and why: the first of the two steps of a release. */
	record Release(Actor actor, String reason) {
	}

	/**
	 * What a pause would hold: how many, by status, and the first case numbers.
	 */
	record Preview(long affected, Map<String, Long> byStatus, List<String> caseNumbers) {
	}

}
