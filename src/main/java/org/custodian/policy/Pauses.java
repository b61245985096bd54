package org.custodian.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodian.duediligence.Assessments;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.Jurisdiction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jurisdiction pauses and MLAT-only rules: drafting (checked field by field), the pauses
 * in force and their history. Enacting and lifting take two people
 * ({@link PauseDecisions}); applying a pause to requests is the review module's job.
 */
@Service
public class Pauses {

	private final JdbcClient jdbc;

	private final Assessments assessments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final InForceLock lock;

	Pauses(JdbcClient jdbc, Assessments assessments, ApplicationEventPublisher events, Clock clock, InForceLock lock) {
		this.jdbc = jdbc;
		this.assessments = assessments;
		this.events = events;
		this.clock = clock;
		this.lock = lock;
	}

	/** Checks a pause as an administrator wrote it, without storing anything. */
	@Transactional(readOnly = true)
	public Pause draft(PauseForm form) {
		FieldProblems problems = new FieldProblems();
		problems.check(Jurisdiction.isValid(form.jurisdiction()), "jurisdiction",
				"must be an ISO 3166-1 alpha-2 code such as HK");
		PauseMatch match = problems.enumValue(PauseMatch.class, form.match(), "match", true);
		Set<PauseStage> stages = EnumSet.noneOf(PauseStage.class);
		if (form.stages() == null || form.stages().isEmpty()) {
			problems.add("stages", "needs REVIEW, PRODUCTION or both");
		}
		else {
			for (int i = 0; i < form.stages().size(); i++) {
				PauseStage stage = problems.enumValue(PauseStage.class, form.stages().get(i), "stages[" + i + "]",
						true);
				if (stage != null) {
					stages.add(stage);
				}
			}
		}
		Set<PauseCovers> covers = EnumSet.noneOf(PauseCovers.class);
		List<String> kinds = (form.covers() != null && !form.covers().isEmpty()) ? form.covers()
				: List.of(PauseCovers.DATA_REQUESTS.name());
		for (int i = 0; i < kinds.size(); i++) {
			PauseCovers kind = problems.enumValue(PauseCovers.class, kinds.get(i), "covers[" + i + "]", true);
			if (kind != null) {
				covers.add(kind);
			}
		}
		PauseScope scope = (form.appliesTo() == null) ? PauseScope.ALL
				: problems.enumValue(PauseScope.class, form.appliesTo(), "appliesTo", true);
		Instant now = Instant.now(this.clock);
		Instant effectiveFrom = now;
		if (form.effectiveFrom() != null && !form.effectiveFrom().isBlank()) {
			try {
				effectiveFrom = OffsetDateTime.parse(form.effectiveFrom().trim()).toInstant();
				problems.check(!effectiveFrom.isAfter(now), "effectiveFrom",
						"is in the future; enact the pause when it should start");
			}
			catch (DateTimeParseException ex) {
				problems.add("effectiveFrom", "is not a time of the form 2020-06-30T15:00:00Z");
			}
		}
		String reason = problems.required(form.reason(), "reason", 4000);
		String liftingCondition = problems.optional(form.liftingCondition(), "liftingCondition", 4000);
		if (form.isUrgent()) {
			problems.required(form.urgentReason(), "urgentReason", 4000);
		}
		UUID assessmentId = null;
		if (form.assessmentId() != null && !form.assessmentId().isBlank()) {
			try {
				assessmentId = UUID.fromString(form.assessmentId().trim());
				problems.check(this.assessments.exists(assessmentId), "assessmentId", "is not a known assessment");
			}
			catch (IllegalArgumentException ex) {
				problems.add("assessmentId", "is not an assessment id");
			}
		}
		problems.throwIfAny();
		return new Pause(UUID.randomUUID(), Jurisdiction.of(form.jurisdiction()), match, stages, scope, effectiveFrom,
				reason, assessmentId, liftingCondition, Boolean.TRUE.equals(form.exceptEmergencies()), covers);
	}

	/**
	 * Every pause in force (not proposed, not lifted): the ones that hold requests. The
	 * caller's transaction holds the {@linkplain InForceLock pauses' lock} shared until
	 * it commits, so what it decides from these pauses is committed before any pause
	 * comes into force or ends.
	 */
	@Transactional(readOnly = true)
	public List<Pause> allInForce() {
		this.lock.shared();
		return this.jdbc.sql("SELECT * FROM pause WHERE status = 'IN_FORCE' ORDER BY effective_from")
			.query(PauseRows::pause)
			.list();
	}

	/**
	 * Pauses of a jurisdiction that were enacted (in force or lifted), newest first, with
	 * their state, for people to read; an urgent one carries its review, one in force a
	 * proposed lifting.
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> history(Jurisdiction jurisdiction) {
		Instant now = Instant.now(this.clock);
		return this.jdbc.sql("""
				SELECT * FROM pause WHERE jurisdiction = ? AND status IN ('IN_FORCE', 'LIFTED')
				ORDER BY enacted_at DESC, id""")
			.param(jurisdiction.code())
			.query(PauseRows::state)
			.list()
			.stream()
			.map((state) -> view(state, now))
			.toList();
	}

	/** A pause and its state as the policy API and the public page show it. */
	public static Map<String, Object> view(PauseState state, Instant now) {
		Pause pause = state.pause();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", pause.id());
		view.put("status", state.status().name());
		view.put("match", pause.match().name());
		view.put("stages", pause.stages().stream().sorted().toList());
		view.put("appliesTo", pause.appliesTo().name());
		view.put("covers", pause.covers().stream().sorted().toList());
		view.put("effectiveFrom", pause.effectiveFrom());
		view.put("reason", pause.reason());
		view.put("assessmentId", pause.assessmentId());
		view.put("liftingCondition", pause.liftingCondition());
		view.put("exceptEmergencies", pause.exceptEmergencies());
		view.put("proposedAt", state.proposedAt());
		view.put("enactedAt", state.enactedAt());
		view.put("urgent", (state.urgent() != null) ? urgentView(state.urgent(), now) : null);
		view.put("liftingProposal", state.liftingAwaitingConfirmation() ? Map.of("proposedAt",
				state.lifting().proposedAt(), "rationale", state.lifting().rationale(), "status", "PROPOSED") : null);
		view.put("liftedAt", state.liftedAt());
		view.put("liftingRationale", (state.liftedAt() != null) ? state.lifting().rationale() : null);
		return view;
	}

	private static Map<String, Object> urgentView(PauseState.Urgent urgent, Instant now) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("reason", urgent.reason());
		view.put("review", urgent.review(now));
		view.put("reviewDueAt", urgent.reviewDueAt());
		view.put("reviewedAt", urgent.reviewedAt());
		view.put("reviewNote", urgent.reviewNote());
		return view;
	}

	/** The jurisdictions answered only through the MLAT route. */
	@Transactional(readOnly = true)
	public Set<Jurisdiction> mlatOnly() {
		Set<Jurisdiction> jurisdictions = new java.util.HashSet<>();
		this.jdbc.sql("SELECT jurisdiction FROM mlat_only_rule")
			.query(String.class)
			.list()
			.forEach((code) -> jurisdictions.add(Jurisdiction.of(code)));
		return jurisdictions;
	}

	@Transactional(readOnly = true)
	public Optional<Map<String, Object>> mlatOnlyRule(Jurisdiction jurisdiction) {
		return this.jdbc.sql("SELECT reason, since FROM mlat_only_rule WHERE jurisdiction = ?")
			.param(jurisdiction.code())
			.query((rs, row) -> Map.<String, Object>of("reason", rs.getString("reason"), "since",
					PauseRows.instant(rs, "since")))
			.optional();
	}

	/** Every MLAT-only rule, by jurisdiction, for people to read. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> mlatOnlyRules() {
		return this.jdbc.sql("SELECT jurisdiction, reason, since FROM mlat_only_rule ORDER BY jurisdiction")
			.query((rs, row) -> Map.<String, Object>of("jurisdiction", rs.getString("jurisdiction"), "reason",
					rs.getString("reason"), "since", PauseRows.instant(rs, "since")))
			.list();
	}

	/** Sets or removes the MLAT-only rule; applies to requests screened from now on. */
	@Transactional
	public void setMlatOnly(Jurisdiction jurisdiction, Boolean enabled, String reason, CurrentUser caller) {
		Actor actor = caller.require(Action.SET_MLAT_ONLY).actor();
		FieldProblems problems = new FieldProblems();
		problems.check(enabled != null, "enabled", "is required");
		String why = problems.required(reason, "reason", 4000);
		problems.throwIfAny();
		if (enabled) {
			this.jdbc.sql("""
					INSERT INTO mlat_only_rule (jurisdiction, reason, since, set_by) VALUES (?, ?, ?, ?)
					ON CONFLICT (jurisdiction) DO UPDATE SET reason = EXCLUDED.reason""")
				.params(jurisdiction.code(), why, PauseRows.utc(Instant.now(this.clock)), UUID.fromString(actor.id()))
				.update();
		}
		else {
			this.jdbc.sql("DELETE FROM mlat_only_rule WHERE jurisdiction = ?").param(jurisdiction.code()).update();
		}
		this.events.publishEvent(new AuditedAction(actor, enabled ? "policy.mlat-only-set" : "policy.mlat-only-removed",
				"jurisdiction", jurisdiction.code(), Map.of("reason", why)));
	}

	/**
	 * A pause as an administrator wrote it; {@code urgent} with an {@code urgentReason}
	 * asks for it to be enacted at once, reviewed by a second administrator afterwards;
	 * {@code covers} names the kinds of request it holds (DATA_REQUESTS when absent).
	 */
	public record PauseForm(String jurisdiction, String match, List<String> stages, String appliesTo,
			String effectiveFrom, String reason, String assessmentId, String liftingCondition,
			Boolean exceptEmergencies, Boolean urgent, String urgentReason, List<String> covers) {

		/** A pause of data requests. */
		public PauseForm(String jurisdiction, String match, List<String> stages, String appliesTo, String effectiveFrom,
				String reason, String assessmentId, String liftingCondition, Boolean exceptEmergencies, Boolean urgent,
				String urgentReason) {
			this(jurisdiction, match, stages, appliesTo, effectiveFrom, reason, assessmentId, liftingCondition,
					exceptEmergencies, urgent, urgentReason, null);
		}

		/** A pause to be proposed and confirmed by two people (not urgent). */
		public PauseForm(String jurisdiction, String match, List<String> stages, String appliesTo, String effectiveFrom,
				String reason, String assessmentId, String liftingCondition, Boolean exceptEmergencies) {
			this(jurisdiction, match, stages, appliesTo, effectiveFrom, reason, assessmentId, liftingCondition,
					exceptEmergencies, false, null);
		}

		public boolean isUrgent() {
			return Boolean.TRUE.equals(this.urgent);
		}

	}

}
