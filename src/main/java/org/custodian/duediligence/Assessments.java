package org.custodian.duediligence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human-rights due-diligence assessments: opened on a trigger (a new law), informed by
 * expert consultations, concluded with findings per right and a decision, signed off by a
 * second human-rights lead. Only a signed-off decision that permits it lets a linked
 * pause be lifted.
 */
@Service
public class Assessments {

	/** The rights every assessment must address. */
	public static final List<String> RIGHTS = List.of("privacy", "expression", "assembly", "fairTrial", "liberty");

	private static final List<String> RISKS = List.of("LOW", "MEDIUM", "HIGH", "SEVERE");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Assessments(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public UUID open(String jurisdiction, String subject, String triggerDate, CurrentUser caller) {
		Actor author = caller.require(Action.OPEN_ASSESSMENT).actor();
		FieldProblems problems = new FieldProblems();
		problems.check(Jurisdiction.isValid(jurisdiction), "jurisdiction", "must be an ISO 3166-1 alpha-2 code");
		String cleanSubject = problems.required(subject, "subject", 500);
		LocalDate trigger = date(triggerDate, "triggerDate", problems, true);
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO dd_assessment (id, jurisdiction, subject, trigger_date, status, author_id, created_at)
				VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""")
			.params(id, Jurisdiction.of(jurisdiction).code(), cleanSubject, Date.valueOf(trigger),
					UUID.fromString(author.id()), now())
			.update();
		this.events.publishEvent(new AuditedAction(author, "assessment.opened", "assessment", id.toString(),
				Map.of("jurisdiction", Jurisdiction.of(jurisdiction).code(), "subject", cleanSubject)));
		return id;
	}

	@Transactional
	public UUID consult(UUID assessmentId, Consultation consultation, CurrentUser caller) {
		Actor recorder = caller.require(Action.RECORD_CONSULTATION).actor();
		Map<String, Object> assessment = require(assessmentId);
		requireStatus(assessment, "OPEN", "record a consultation");
		FieldProblems problems = new FieldProblems();
		String expert = problems.required(consultation.expert(), "expert", 300);
		String organisation = problems.required(consultation.organisation(), "organisation", 300);
		LocalDate date = date(consultation.date(), "date", problems, true);
		String summary = problems.required(consultation.summary(), "summary", 20000);
		problems.throwIfAny();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO dd_consultation (id, assessment_id, expert, organisation, consulted_on, summary, recorded_by,
					  recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, assessmentId, expert, organisation, Date.valueOf(date), summary, UUID.fromString(recorder.id()),
					now())
			.update();
		this.events.publishEvent(new AuditedAction(recorder, "assessment.consultation-recorded", "assessment",
				assessmentId.toString(), Map.of("expert", expert, "organisation", organisation)));
		return id;
	}

	/**
	 * Records findings per right and the decision; the assessment then awaits sign-off.
	 */
	@Transactional
	public void conclude(UUID assessmentId, Conclusion conclusion, CurrentUser caller) {
		Actor lead = caller.require(Action.CONCLUDE_ASSESSMENT).actor();
		Map<String, Object> assessment = require(assessmentId);
		requireStatus(assessment, "OPEN", "conclude");
		FieldProblems problems = new FieldProblems();
		Map<String, Map<String, String>> findings = new LinkedHashMap<>();
		for (String right : RIGHTS) {
			Map<String, String> finding = (conclusion.findings() != null) ? conclusion.findings().get(right) : null;
			if (finding == null) {
				problems.add("findings." + right, "is required: {risk, note}");
				continue;
			}
			String risk = finding.get("risk");
			problems.check(risk != null && RISKS.contains(risk), "findings." + right + ".risk",
					"must be one of " + String.join(", ", RISKS));
			String note = problems.required(finding.get("note"), "findings." + right + ".note", 20000);
			findings.put(right, Map.of("risk", String.valueOf(risk), "note", String.valueOf(note)));
		}
		DueDiligenceDecision decision = problems.enumValue(DueDiligenceDecision.class, conclusion.decision(),
				"decision", true);
		String rationale = problems.required(conclusion.rationale(), "rationale", 20000);
		String conditions = problems.optional(conclusion.conditions(), "conditions", 20000);
		problems.check(decision != DueDiligenceDecision.LIFT_WITH_CONDITIONS || conditions != null, "conditions",
				"are required for LIFT_WITH_CONDITIONS");
		problems.throwIfAny();
		long consultations = this.jdbc.sql("SELECT count(*) FROM dd_consultation WHERE assessment_id = ?")
			.param(assessmentId)
			.query(Long.class)
			.single();
		if (consultations == 0) {
			throw new ConflictException("Consult at least one human-rights expert before concluding.");
		}
		this.jdbc.sql("""
				UPDATE dd_assessment SET status = 'CONCLUDED', findings = ?::jsonb, decision = ?, rationale = ?,
				  conditions = ?, concluded_by = ?, concluded_at = ? WHERE id = ?""")
			.params(this.json.writeValueAsString(findings), decision.name(), rationale, conditions,
					UUID.fromString(lead.id()), now(), assessmentId)
			.update();
		this.events.publishEvent(new AuditedAction(lead, "assessment.concluded", "assessment", assessmentId.toString(),
				Map.of("decision", decision.name())));
	}

	/**
	 * A second human-rights lead, neither the author nor the lead who concluded, signs
	 * the conclusion off.
	 */
	@Transactional
	public void signOff(UUID assessmentId, CurrentUser caller) {
		Actor lead = caller.require(Action.SIGN_OFF_ASSESSMENT).actor();
		Map<String, Object> assessment = require(assessmentId);
		requireStatus(assessment, "CONCLUDED", "sign off");
		if (!maySignOff(assessment, lead.id())) {
			throw new ForbiddenException(
					"The author of an assessment and the lead who concluded it cannot sign it off; "
							+ "another human-rights lead must.");
		}
		this.jdbc
			.sql("UPDATE dd_assessment SET status = 'SIGNED_OFF', signed_off_by = ?, signed_off_at = ? WHERE id = ?")
			.params(UUID.fromString(lead.id()), now(), assessmentId)
			.update();
		this.events.publishEvent(new AuditedAction(lead, "assessment.signed-off", "assessment", assessmentId.toString(),
				Map.of("decision", assessment.get("decision"))));
	}

	/**
	 * Whether this person may sign the assessment off: four eyes, so neither its author
	 * nor the lead who concluded it.
	 */
	public static boolean maySignOff(Map<String, Object> assessment, String personId) {
		return !personId.equals(String.valueOf(assessment.get("authorId")))
				&& !personId.equals(String.valueOf(assessment.get("concludedBy")));
	}

	/**
	 * The assessments, newest first (a few hundred at most: one per law and
	 * jurisdiction).
	 */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> list() {
		return this.jdbc.sql("""
				SELECT a.*, (SELECT count(*) FROM dd_consultation c WHERE c.assessment_id = a.id) AS consultations
				FROM dd_assessment a ORDER BY a.created_at DESC, a.id LIMIT 500""").query((rs, row) -> {
			Map<String, Object> view = view(rs, row);
			view.put("consultationCount", rs.getLong("consultations"));
			return view;
		}).list();
	}

	/** Whether the assessment lets a linked pause be lifted. */
	@Transactional(readOnly = true)
	public LiftingVerdict liftingVerdict(UUID assessmentId) {
		Map<String, Object> assessment = require(assessmentId);
		String status = (String) assessment.get("status");
		if (!"SIGNED_OFF".equals(status)) {
			return new LiftingVerdict(false, "The linked due-diligence assessment (" + assessment.get("subject")
					+ ") is " + status + "; the pause can be lifted only once it is concluded and signed off.");
		}
		DueDiligenceDecision decision = DueDiligenceDecision.valueOf((String) assessment.get("decision"));
		if (!decision.permitsLifting()) {
			return new LiftingVerdict(false,
					"The linked due-diligence assessment decided " + decision + "; it does not permit lifting.");
		}
		return new LiftingVerdict(true, null);
	}

	@Transactional(readOnly = true)
	public boolean exists(UUID assessmentId) {
		return find(assessmentId).isPresent();
	}

	@Transactional(readOnly = true)
	public Optional<Map<String, Object>> find(UUID id) {
		Optional<Map<String, Object>> assessment = this.jdbc.sql("SELECT * FROM dd_assessment WHERE id = ?")
			.param(id)
			.query(this::view)
			.optional();
		assessment.ifPresent((found) -> found.put("consultations", this.jdbc.sql("""
				SELECT expert, organisation, consulted_on::text AS date, summary FROM dd_consultation
				WHERE assessment_id = ? ORDER BY consulted_on, recorded_at""").param(id).query().listOfRows()));
		return assessment;
	}

	private Map<String, Object> require(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("No assessment with this id."));
	}

	private static void requireStatus(Map<String, Object> assessment, String status, String action) {
		if (!status.equals(assessment.get("status"))) {
			throw new ConflictException(
					"Cannot " + action + ": the assessment is " + assessment.get("status") + ", not " + status + ".");
		}
	}

	private Map<String, Object> view(ResultSet rs, int row) throws SQLException {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", rs.getObject("id", UUID.class));
		view.put("jurisdiction", rs.getString("jurisdiction"));
		view.put("subject", rs.getString("subject"));
		view.put("triggerDate", rs.getDate("trigger_date").toLocalDate());
		view.put("status", rs.getString("status"));
		view.put("authorId", rs.getObject("author_id", UUID.class));
		String findings = rs.getString("findings");
		view.put("findings", (findings != null) ? this.json.readValue(findings, TreeMap.class) : null);
		view.put("decision", rs.getString("decision"));
		view.put("rationale", rs.getString("rationale"));
		view.put("conditions", rs.getString("conditions"));
		view.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toInstant());
		view.put("concludedBy", rs.getObject("concluded_by", UUID.class));
		view.put("signedOffBy", rs.getObject("signed_off_by", UUID.class));
		return view;
	}

	private static LocalDate date(String value, String field, FieldProblems problems, boolean required) {
		if (value == null || value.isBlank()) {
			problems.check(!required, field, "is required");
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(field, "is not a date of the form 2020-06-30");
			return null;
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/**
	 * An expert consultation as recorded.
	 */
	public record Consultation(String expert, String organisation, String date, String summary) {
	}

	/**
	 * Findings per right ({@code {privacy: {risk, note}, …}}), the decision and its
	 * rationale.
	 */
	public record Conclusion(Map<String, Map<String, String>> findings, String decision, String rationale,
			String conditions) {
	}

}
