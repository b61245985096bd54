package org.custodian.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.custodian.duediligence.Assessments;
import org.custodian.duediligence.LiftingVerdict;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jurisdiction pauses and MLAT-only rules: drafting (checked field by field), enacting,
 * lifting behind the due-diligence gate. Applying a pause to requests is the review
 * module's job.
 */
@Service
public class Pauses {

	private final JdbcClient jdbc;

	private final Assessments assessments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Pauses(JdbcClient jdbc, Assessments assessments, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.assessments = assessments;
		this.events = events;
		this.clock = clock;
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
				reason, assessmentId, liftingCondition, Boolean.TRUE.equals(form.exceptEmergencies()));
	}

	/** Stores a drafted pause as in force and records it. */
	@Transactional
	public Pause enact(Pause pause, Actor actor) {
		this.jdbc.sql("""
				INSERT INTO pause (id, jurisdiction, match, stops_review, stops_production, applies_to, effective_from,
				  reason, assessment_id, lifting_condition, except_emergencies, enacted_by, enacted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(pause.id(), pause.jurisdiction().code(), pause.match().name(), pause.stops(PauseStage.REVIEW),
					pause.stops(PauseStage.PRODUCTION), pause.appliesTo().name(), utc(pause.effectiveFrom()),
					pause.reason(), pause.assessmentId(), pause.liftingCondition(), pause.exceptEmergencies(),
					UUID.fromString(actor.id()), utc(Instant.now(this.clock)))
			.update();
		Map<String, Object> details = new TreeMap<>();
		details.put("jurisdiction", pause.jurisdiction().code());
		details.put("match", pause.match().name());
		details.put("stages", pause.stages().stream().map(Enum::name).sorted().toList());
		details.put("appliesTo", pause.appliesTo().name());
		details.put("effectiveFrom", pause.effectiveFrom().toString());
		details.put("reason", pause.reason());
		details.put("exceptEmergencies", pause.exceptEmergencies());
		this.events.publishEvent(new AuditedAction(actor, "pause.enacted", "pause", pause.id().toString(), details));
		return pause;
	}

	/**
	 * Lifts a pause, unless its linked assessment does not permit it (409 with the
	 * reason).
	 */
	@Transactional
	public Pause lift(UUID id, String rationale, Actor actor) {
		FieldProblems problems = new FieldProblems();
		String why = problems.required(rationale, "rationale", 4000);
		problems.throwIfAny();
		Pause pause = inForce(id);
		if (pause.assessmentId() != null) {
			LiftingVerdict verdict = this.assessments.liftingVerdict(pause.assessmentId());
			if (!verdict.permits()) {
				throw new ConflictException(verdict.reason());
			}
		}
		this.jdbc.sql("UPDATE pause SET lifted_by = ?, lifted_at = ?, lifting_rationale = ? WHERE id = ?")
			.params(UUID.fromString(actor.id()), utc(Instant.now(this.clock)), why, id)
			.update();
		this.events.publishEvent(new AuditedAction(actor, "pause.lifted", "pause", id.toString(),
				Map.of("jurisdiction", pause.jurisdiction().code(), "rationale", why)));
		return pause;
	}

	/** A pause not yet lifted; 404 otherwise, 409 if it was lifted. */
	@Transactional(readOnly = true)
	public Pause inForce(UUID id) {
		Map<String, Object> row = this.jdbc.sql("SELECT lifted_at FROM pause WHERE id = ?")
			.param(id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No pause with this id."));
		if (row.get("lifted_at") != null) {
			throw new ConflictException("This pause was already lifted.");
		}
		return this.jdbc.sql("SELECT * FROM pause WHERE id = ?").param(id).query(Pauses::pause).single();
	}

	/** Every pause not lifted. */
	@Transactional(readOnly = true)
	public List<Pause> allInForce() {
		return this.jdbc.sql("SELECT * FROM pause WHERE lifted_at IS NULL ORDER BY effective_from")
			.query(Pauses::pause)
			.list();
	}

	/** Pauses of a jurisdiction, newest first, with their state, for people to read. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> history(Jurisdiction jurisdiction) {
		return this.jdbc.sql("""
				SELECT id, match, stops_review, stops_production, applies_to, effective_from, reason, assessment_id,
				  lifting_condition, except_emergencies, enacted_at, lifted_at, lifting_rationale
				FROM pause WHERE jurisdiction = ? ORDER BY enacted_at DESC""")
			.param(jurisdiction.code())
			.query((rs, row) -> {
				Map<String, Object> view = new LinkedHashMap<>();
				view.put("id", rs.getObject("id", UUID.class));
				view.put("match", rs.getString("match"));
				view.put("stages", stages(rs));
				view.put("appliesTo", rs.getString("applies_to"));
				view.put("effectiveFrom", instant(rs, "effective_from"));
				view.put("reason", rs.getString("reason"));
				view.put("assessmentId", rs.getObject("assessment_id", UUID.class));
				view.put("liftingCondition", rs.getString("lifting_condition"));
				view.put("exceptEmergencies", rs.getBoolean("except_emergencies"));
				view.put("enactedAt", instant(rs, "enacted_at"));
				view.put("liftedAt", instant(rs, "lifted_at"));
				view.put("liftingRationale", rs.getString("lifting_rationale"));
				return view;
			})
			.list();
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
			.query((rs, row) -> Map.<String, Object>of("reason", rs.getString("reason"), "since", instant(rs, "since")))
			.optional();
	}

	/** Every MLAT-only rule, by jurisdiction, for people to read. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> mlatOnlyRules() {
		return this.jdbc.sql("SELECT jurisdiction, reason, since FROM mlat_only_rule ORDER BY jurisdiction")
			.query((rs, row) -> Map.<String, Object>of("jurisdiction", rs.getString("jurisdiction"), "reason",
					rs.getString("reason"), "since", instant(rs, "since")))
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
				.params(jurisdiction.code(), why, utc(Instant.now(this.clock)), UUID.fromString(actor.id()))
				.update();
		}
		else {
			this.jdbc.sql("DELETE FROM mlat_only_rule WHERE jurisdiction = ?").param(jurisdiction.code()).update();
		}
		this.events.publishEvent(new AuditedAction(actor, enabled ? "policy.mlat-only-set" : "policy.mlat-only-removed",
				"jurisdiction", jurisdiction.code(), Map.of("reason", why)));
	}

	private static Pause pause(ResultSet rs, int row) throws SQLException {
		return new Pause(rs.getObject("id", UUID.class), Jurisdiction.of(rs.getString("jurisdiction")),
				PauseMatch.valueOf(rs.getString("match")), stages(rs), PauseScope.valueOf(rs.getString("applies_to")),
				instant(rs, "effective_from"), rs.getString("reason"), rs.getObject("assessment_id", UUID.class),
				rs.getString("lifting_condition"), rs.getBoolean("except_emergencies"));
	}

	private static Set<PauseStage> stages(ResultSet rs) throws SQLException {
		Set<PauseStage> stages = EnumSet.noneOf(PauseStage.class);
		if (rs.getBoolean("stops_review")) {
			stages.add(PauseStage.REVIEW);
		}
		if (rs.getBoolean("stops_production")) {
			stages.add(PauseStage.PRODUCTION);
		}
		return stages;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * A pause as an administrator wrote it.
	 */
	public record PauseForm(String jurisdiction, String match, List<String> stages, String appliesTo,
			String effectiveFrom, String reason, String assessmentId, String liftingCondition,
			Boolean exceptEmergencies) {
	}

}
