package org.custodian.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodian.policy.CategoryFinding;
import org.custodian.policy.TierVerdict;
import org.custodian.review.Assessment.Consideration;
import org.custodian.review.Assessment.Finding;
import org.custodian.review.Assessment.Verdict;
import org.custodian.intake.LegalDocument;
import org.custodian.shared.AgencyId;
import org.custodian.shared.DataCategory;
import org.custodian.shared.Enums;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.StaffId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Review cases, their screening results, decisions and questions.
 */
@Repository
class Cases {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	Cases(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The nil UUID stands for the system where a person's id is recorded (policy
	 * decisions).
	 */
	static final UUID SYSTEM = new UUID(0, 0);

	void insert(ReviewCase reviewCase, OfficerId owner, Set<Jurisdiction> targetJurisdictions, Instant receivedAt,
			Instant dueAt, String agencyReference) {
		this.jdbc.sql("""
				INSERT INTO review_case (request_id, case_number, agency_id, jurisdiction, type, instrument, categories,
				  status, received_at, status_changed_at, due_at, agency_reference)
				VALUES (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?)""")
			.params(reviewCase.id().value(), reviewCase.caseNumber(), reviewCase.agencyId().value(),
					reviewCase.jurisdiction().code(), reviewCase.type().name(),
					(reviewCase.instrument() != null) ? reviewCase.instrument().name() : null,
					reviewCase.categories().stream().map(Enum::name).collect(Collectors.joining(",")),
					reviewCase.status().name(), utc(receivedAt), utc(receivedAt), utc(dueAt), agencyReference)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO case_target_jurisdiction (jurisdiction, request_id) SELECT j, ? FROM unnest(?::text[]) AS j""")
			.params(reviewCase.id().value(),
					targetJurisdictions.stream().map(Jurisdiction::code).toArray(String[]::new))
			.update();
		this.jdbc.sql("""
				INSERT INTO request_access (officer_id, received_at, request_id, role, granted_by, granted_at)
				VALUES (?, ?, ?, 'OWNER', ?, ?)""")
			.params(owner.value(), utc(receivedAt), reviewCase.id().value(), owner.value(), utc(receivedAt))
			.update();
	}

	/** The directory's accounts the request's targets resolved to. */
	void insertTargetAccounts(RequestId id, List<String> accountIds) {
		this.jdbc
			.sql("""
					INSERT INTO case_target_account (account_id, request_id) SELECT DISTINCT a, ? FROM unnest(?::text[]) AS a""")
			.params(id.value(), accountIds.toArray(String[]::new))
			.update();
	}

	/**
	 * Records decisions that policy made without a reviewer (MLAT-only refusals), as
	 * approved, so the officer sees the outcome and what to do instead.
	 */
	void insertPolicyDecisions(List<UUID> requestIds, Outcome outcome, RejectionReason rejection, String reason) {
		if (requestIds.isEmpty()) {
			return;
		}
		OffsetDateTime now = utc(Instant.now(this.clock));
		this.jdbc.sql("""
				INSERT INTO decision (id, request_id, outcome, categories, reason, rejection_reason, assessment,
				  proposed_by, proposed_at, approver_id, approved, decided_at)
				SELECT gen_random_uuid(), r, ?, '{}', ?, ?, '{}'::jsonb, ?, ?, ?, true, ?
				FROM unnest(?::uuid[]) AS r""")
			.params(outcome.name(), reason, (rejection != null) ? rejection.name() : null, SYSTEM, now, SYSTEM, now,
					requestIds.toArray(UUID[]::new))
			.update();
	}

	void flagSanctions(RequestId id, String match) {
		this.jdbc.sql("UPDATE review_case SET sanctions_match = ?::jsonb WHERE request_id = ?")
			.params(match, id.value())
			.update();
	}

	void clearSanctions(RequestId id) {
		this.jdbc.sql("UPDATE review_case SET sanctions_cleared = true WHERE request_id = ?")
			.param(id.value())
			.update();
	}

	void saveHumanRightsReview(RequestId id, String verdict, String note, StaffId lead, Instant now) {
		this.jdbc.sql("""
				INSERT INTO human_rights_review (request_id, verdict, note, lead_id, reviewed_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (request_id) DO UPDATE SET verdict = EXCLUDED.verdict, note = EXCLUDED.note,
				  lead_id = EXCLUDED.lead_id, reviewed_at = EXCLUDED.reviewed_at""")
			.params(id.value(), verdict, note, lead.value(), utc(now))
			.update();
	}

	boolean hasHumanRightsReview(RequestId id) {
		return this.jdbc.sql("SELECT count(*) FROM human_rights_review WHERE request_id = ?")
			.param(id.value())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Loads a case and locks its row until the transaction ends: one change at a time.
	 */
	Optional<ReviewCase> lock(RequestId id) {
		return this.jdbc.sql("""
				SELECT request_id, case_number, agency_id, jurisdiction, type, instrument,
				  array_to_string(categories, ',') AS category_list, status, hold_reason, assignee_id, held_by_pause
				FROM review_case WHERE request_id = ? FOR UPDATE""")
			.param(id.value())
			.query(Cases::reviewCase)
			.optional();
	}

	ReviewCase require(RequestId id) {
		return lock(id).orElseThrow(() -> new NotFoundException("No request with this id."));
	}

	void save(ReviewCase reviewCase, Instant now) {
		this.jdbc
			.sql("""
					UPDATE review_case SET status = ?, hold_reason = ?, assignee_id = ?, held_by_pause = ?, version = version + 1,
					  status_changed_at = CASE WHEN status = ? THEN status_changed_at ELSE ? END
					WHERE request_id = ?""")
			.params(reviewCase.status().name(), reviewCase.holdReason(),
					(reviewCase.assignee() != null) ? reviewCase.assignee().value() : null, reviewCase.heldByPause(),
					reviewCase.status().name(), utc(now), reviewCase.id().value())
			.update();
	}

	void saveScreening(RequestId id, List<CategoryFinding> findings) {
		for (CategoryFinding finding : findings) {
			this.jdbc.sql("INSERT INTO screening_result (request_id, category, verdict, note) VALUES (?, ?, ?, ?)")
				.params(id.value(), finding.category().name(), finding.verdict().name(), finding.note())
				.update();
		}
	}

	List<CategoryFinding> screening(RequestId id) {
		return this.jdbc
			.sql("SELECT category, verdict, note FROM screening_result WHERE request_id = ? ORDER BY category")
			.param(id.value())
			.query((rs, row) -> new CategoryFinding(DataCategory.valueOf(rs.getString("category")),
					TierVerdict.valueOf(rs.getString("verdict")), rs.getString("note")))
			.list();
	}

	void insertDecision(RequestId id, Decision decision) {
		this.jdbc.sql("""
				INSERT INTO decision (id, request_id, outcome, categories, reason, rejection_reason, assessment,
				  proposed_by, proposed_at)
				VALUES (?, ?, ?, string_to_array(?, ','), ?, ?, ?::jsonb, ?, ?)""")
			.params(decision.id(), id.value(), decision.outcome().name(),
					decision.categories().stream().map(Enum::name).collect(Collectors.joining(",")), decision.reason(),
					(decision.rejectionReason() != null) ? decision.rejectionReason().name() : null,
					this.json.writeValueAsString(decision.assessment().asMap()), decision.proposedBy().value(),
					utc(decision.proposedAt()))
			.update();
	}

	/** The decision awaiting approval, if any. */
	Optional<Decision> pendingDecision(RequestId id) {
		return this.jdbc.sql("""
				SELECT id, outcome, array_to_string(categories, ',') AS category_list, reason, rejection_reason,
				  assessment::text AS assessment, proposed_by, proposed_at
				FROM decision WHERE request_id = ? AND approved IS NULL ORDER BY proposed_at DESC LIMIT 1""")
			.param(id.value())
			.query(this::decision)
			.optional();
	}

	void recordApproval(UUID decisionId, StaffId approver, boolean approved, String comment, Instant now) {
		this.jdbc
			.sql("UPDATE decision SET approver_id = ?, approved = ?, approval_comment = ?, decided_at = ? WHERE id = ?")
			.params(approver.value(), approved, comment, utc(now), decisionId)
			.update();
	}

	void insertQuestion(RequestId id, String question, StaffId askedBy, Instant now) {
		this.jdbc.sql("INSERT INTO case_question (id, request_id, question, asked_by, asked_at) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), id.value(), question, askedBy.value(), utc(now))
			.update();
	}

	void answerOpenQuestions(RequestId id, String answer, UUID attachment, UUID officerId, Instant now) {
		this.jdbc.sql("""
				UPDATE case_question SET answer = ?, answer_attachment_id = ?, answered_by = ?, answered_at = ?
				WHERE request_id = ? AND answer IS NULL""")
			.params(answer, attachment, officerId, utc(now), id.value())
			.update();
	}

	/** Stores the PDF attached to a reply; returns its id. */
	UUID insertAttachment(RequestId id, LegalDocument document, UUID officerId, Instant now) {
		UUID attachment = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO case_answer_attachment
				  (id, request_id, filename, size_bytes, sha256, content, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(attachment, id.value(), document.filename(), document.content().length, document.sha256(),
					document.content(), officerId, utc(now))
			.update();
		return attachment;
	}

	private Decision decision(ResultSet rs, int row) throws SQLException {
		Map<String, Map<String, String>> stored = this.json.readValue(rs.getString("assessment"),
				new TypeReference<Map<String, Map<String, String>>>() {
				});
		Map<Consideration, Finding> findings = new EnumMap<>(Consideration.class);
		for (Consideration consideration : Consideration.values()) {
			Map<String, String> finding = stored.get(consideration.field());
			if (finding != null) {
				findings.put(consideration, new Finding(Verdict.valueOf(finding.get("verdict")), finding.get("note")));
			}
		}
		String rejection = rs.getString("rejection_reason");
		return new Decision(rs.getObject("id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
				categories(rs.getString("category_list")), rs.getString("reason"),
				(rejection != null) ? RejectionReason.valueOf(rejection) : null, new Assessment(findings),
				new StaffId(rs.getObject("proposed_by", UUID.class)),
				rs.getObject("proposed_at", OffsetDateTime.class).toInstant());
	}

	private static ReviewCase reviewCase(ResultSet rs, int row) throws SQLException {
		String instrument = rs.getString("instrument");
		UUID assignee = rs.getObject("assignee_id", UUID.class);
		return new ReviewCase(new RequestId(rs.getObject("request_id", UUID.class)), rs.getString("case_number"),
				new AgencyId(rs.getObject("agency_id", UUID.class)), Jurisdiction.of(rs.getString("jurisdiction")),
				RequestType.valueOf(rs.getString("type")), (instrument != null) ? Instrument.valueOf(instrument) : null,
				categories(rs.getString("category_list")), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("hold_reason"), (assignee != null) ? new StaffId(assignee) : null,
				rs.getObject("held_by_pause", UUID.class));
	}

	static Set<DataCategory> categories(String list) {
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		if (list != null) {
			for (String name : list.split(",")) {
				Enums.parse(DataCategory.class, name).ifPresent(categories::add);
			}
		}
		return categories;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
