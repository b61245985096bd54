package org.custodian.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.review.CaseEvents.CaseViewed;
import org.custodian.shared.DataCategory;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff and officers see of requests: the queue, the full case, an officer's own
 * requests. Lists use keyset pagination on indexes that end in (received_at, request_id).
 */
@Service
public class CaseQueries {

	static final int MAX_PAGE = 200;

	private final JdbcClient jdbc;

	private final Cases cases;

	private final Requests requests;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	private final List<CaseFlags> flags;

	private final Clock clock;

	CaseQueries(JdbcClient jdbc, Cases cases, Requests requests, Agencies agencies, ApplicationEventPublisher events,
			List<CaseFlags> flags, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.cases = cases;
		this.requests = requests;
		this.agencies = agencies;
		this.events = events;
		this.flags = flags;
	}

	/**
	 * The staff queue with every filter of the console.
	 * @param filter status, jurisdiction, type (each null for any) and whether only
	 * overdue cases are wanted
	 * @param newestFirst whether the newest come first (otherwise the oldest)
	 * @param after the cursor of the previous page's last case, or null
	 * @param limit the page size
	 * @param reader the staff member reading the queue
	 * @return one page and the cursor of the next, if there is one
	 */
	@Transactional(readOnly = true)
	public Page queue(QueueFilter filter, boolean newestFirst, String after, Integer limit, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		String jurisdiction = filter.jurisdiction();
		FieldProblems problems = new FieldProblems();
		CaseStatus statusFilter = problems.enumValue(CaseStatus.class, filter.status(), "status", false);
		RequestType typeFilter = problems.enumValue(RequestType.class, filter.type(), "type", false);
		problems.check(jurisdiction == null || Jurisdiction.isValid(jurisdiction), "jurisdiction",
				"must be an ISO 3166-1 alpha-2 code");
		int size = (limit != null) ? limit : 50;
		problems.check(size >= 1 && size <= MAX_PAGE, "limit", "must be between 1 and " + MAX_PAGE);
		problems.throwIfAny();
		Cursor cursor = (after != null) ? Cursor.decode(after) : null;
		StringBuilder sql = new StringBuilder("SELECT * FROM review_case WHERE true");
		List<Object> params = new ArrayList<>();
		if (statusFilter != null) {
			sql.append(" AND status = ?");
			params.add(statusFilter.name());
		}
		if (jurisdiction != null) {
			sql.append(" AND jurisdiction = ?");
			params.add(Jurisdiction.of(jurisdiction).code());
		}
		if (typeFilter != null) {
			sql.append(" AND type = ?");
			params.add(typeFilter.name());
		}
		if (filter.overdue()) {
			overdue(sql, params);
		}
		if (cursor != null) {
			sql.append(newestFirst ? " AND (received_at, request_id) < (?, ?)"
					: " AND (received_at, request_id) > (?, ?)");
			params.add(Cases.utc(cursor.receivedAt()));
			params.add(cursor.id());
		}
		sql.append(newestFirst ? " ORDER BY received_at DESC, request_id DESC LIMIT ?"
				: " ORDER BY received_at, request_id LIMIT ?");
		params.add(size + 1);
		List<Map<String, Object>> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query(CaseQueries::summary)
			.list();
		flag(rows);
		return Page.of(rows, size);
	}

	/**
	 * Keeps the cases some module finds overdue now: the union of their deadline queries.
	 * {@code OFFSET 0} keeps PostgreSQL from flattening the union into a semi-join that
	 * walks the whole queue index in order and probes each case (96-308 ms at 1 M cases);
	 * fenced, it starts from the few open deadlines, fetches those cases and sorts them
	 * (28-30 ms for 2 537 overdue among 1 M, first page or any cursor).
	 */
	private void overdue(StringBuilder sql, List<Object> params) {
		List<String> queries = this.flags.stream().flatMap((provider) -> provider.overdueRequests().stream()).toList();
		if (queries.isEmpty()) {
			sql.append(" AND false");
			return;
		}
		sql.append(" AND request_id IN (").append(String.join(" UNION ALL ", queries)).append(" OFFSET 0)");
		queries.forEach((query) -> params.add(Cases.utc(Instant.now(this.clock))));
	}

	/** Adds every module's flags to each case summary. */
	private void flag(List<Map<String, Object>> rows) {
		List<UUID> ids = rows.stream().map((row) -> (UUID) row.get("id")).toList();
		Map<UUID, List<String>> all = new LinkedHashMap<>();
		for (CaseFlags provider : this.flags) {
			provider.flags(ids)
				.forEach((id, found) -> all.computeIfAbsent(id, (key) -> new ArrayList<>()).addAll(found));
		}
		rows.forEach((row) -> row.put("flags", all.getOrDefault((UUID) row.get("id"), List.of())));
	}

	/**
	 * The whole case for staff. Reading it is itself recorded.
	 */
	@Transactional
	public Map<String, Object> caseFile(RequestId id, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		SubmittedRequest request = this.requests.find(id)
			.orElseThrow(() -> new NotFoundException("No request with this id."));
		Map<String, Object> view = this.jdbc.sql("SELECT * FROM review_case WHERE request_id = ?")
			.param(id.value())
			.query(CaseQueries::summary)
			.single();
		flag(List.of(view));
		view.put("request", request);
		this.jdbc.sql("""
				SELECT (SELECT string_agg(t.jurisdiction, ',' ORDER BY t.jurisdiction) FROM case_target_jurisdiction t
				    WHERE t.request_id = c.request_id) AS targets,
				  held_by_pause, sanctions_match::text AS sanctions, sanctions_cleared
				FROM review_case c WHERE request_id = ?""").param(id.value()).query((rs, row) -> {
			String targets = rs.getString("targets");
			view.put("targetJurisdictions", (targets == null) ? List.of() : List.of(targets.split(",")));
			view.put("heldByPause", rs.getObject("held_by_pause", UUID.class));
			String sanctions = rs.getString("sanctions");
			view.put("sanctionsMatch", (sanctions != null) ? new JsonMapper().readTree(sanctions) : null);
			view.put("sanctionsCleared", rs.getBoolean("sanctions_cleared"));
			return null;
		}).list();
		view.put("humanRightsReview",
				this.jdbc
					.sql("SELECT verdict, note, lead_id, reviewed_at FROM human_rights_review WHERE request_id = ?")
					.param(id.value())
					.query()
					.listOfRows()
					.stream()
					.findFirst()
					.orElse(null));
		view.put("screening", this.cases.screening(id));
		view.put("decisions", decisions(id, true));
		view.put("questions", questions(id));
		this.events.publishEvent(new CaseViewed(id, reader.actor()));
		return view;
	}

	/**
	 * The categories of the request's approved disclosure decision; empty if none
	 * discloses.
	 */
	@Transactional(readOnly = true)
	public Set<DataCategory> approvedCategories(RequestId id) {
		return this.jdbc.sql("""
				SELECT array_to_string(categories, ',') FROM decision
				WHERE request_id = ? AND approved AND outcome IN ('DISCLOSE', 'DISCLOSE_PARTIAL')
				ORDER BY decided_at DESC LIMIT 1""")
			.param(id.value())
			.query(String.class)
			.optional()
			.map(Cases::categories)
			.orElse(Set.of());
	}

	/**
	 * Whether the request's latest approved decision discloses data and was approved by
	 * someone other than its proposer: the four eyes every release needs.
	 */
	@Transactional(readOnly = true)
	public boolean approvedUnderFourEyes(RequestId id) {
		return this.jdbc.sql("""
				SELECT outcome IN ('DISCLOSE', 'DISCLOSE_PARTIAL') AND approver_id IS NOT NULL
				  AND approver_id <> proposed_by
				FROM decision WHERE request_id = ? AND approved ORDER BY decided_at DESC LIMIT 1""")
			.param(id.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** An officer's view of one of their agency's requests; 404 for any other. */
	@Transactional(readOnly = true)
	public Map<String, Object> officerView(RequestId id, CurrentUser officer) {
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		Map<String, Object> view = this.jdbc.sql("SELECT * FROM review_case WHERE request_id = ? AND agency_id = ?")
			.params(id.value(), active.agencyId().value())
			.query(CaseQueries::summary)
			.optional()
			.orElseThrow(() -> new NotFoundException("No request with this id."));
		view.remove("assigneeId");
		view.put("questions", questions(id));
		List<Map<String, Object>> decided = decisions(id, false);
		view.put("decision", decided.isEmpty() ? null : decided.get(decided.size() - 1));
		return view;
	}

	/** The officer's agency's requests, newest first. */
	@Transactional(readOnly = true)
	public Page officerList(CurrentUser officer, String after, Integer limit) {
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		int size = (limit != null) ? limit : 50;
		if (size < 1 || size > MAX_PAGE) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
		}
		Cursor cursor = (after != null) ? Cursor.decode(after) : null;
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT * FROM review_case WHERE agency_id = ?
				  AND (?::timestamptz IS NULL OR (received_at, request_id) < (?::timestamptz, ?::uuid))
				ORDER BY received_at DESC, request_id DESC LIMIT ?""")
			.params(active.agencyId().value(), (cursor != null) ? Cases.utc(cursor.receivedAt()) : null,
					(cursor != null) ? Cases.utc(cursor.receivedAt()) : null, (cursor != null) ? cursor.id() : null,
					size + 1)
			.query(CaseQueries::summary)
			.list();
		rows.forEach((row) -> row.remove("assigneeId"));
		return Page.of(rows, size);
	}

	private List<Map<String, Object>> decisions(RequestId id, boolean forStaff) {
		return this.jdbc.sql("""
				SELECT outcome, array_to_string(categories, ',') AS category_list, reason, rejection_reason,
				  assessment::text AS assessment, proposed_by, proposed_at, approver_id, approved, approval_comment,
				  decided_at
				FROM decision WHERE request_id = ? AND (? OR approved) ORDER BY proposed_at""")
			.params(id.value(), forStaff)
			.query((rs, row) -> decision(rs, forStaff))
			.list();
	}

	private static Map<String, Object> decision(ResultSet rs, boolean forStaff) throws SQLException {
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("outcome", rs.getString("outcome"));
		decision.put("categories", Cases.categories(rs.getString("category_list")));
		decision.put("reason", rs.getString("reason"));
		String rejection = rs.getString("rejection_reason");
		decision.put("rejectionReason", rejection);
		if (rejection != null) {
			decision.put("guidance", RejectionReason.valueOf(rejection).guidance());
		}
		else if ("REQUIRE_MLAT".equals(rs.getString("outcome"))) {
			decision.put("guidance", RejectionReason.REQUIRES_MLAT.guidance());
		}
		decision.put("decidedAt", instant(rs, "decided_at"));
		if (forStaff) {
			decision.put("assessment", new JsonMapper().readTree(rs.getString("assessment")));
			decision.put("proposedBy", rs.getObject("proposed_by", UUID.class));
			decision.put("proposedAt", instant(rs, "proposed_at"));
			decision.put("approverId", rs.getObject("approver_id", UUID.class));
			decision.put("approved", rs.getObject("approved"));
			decision.put("approvalComment", rs.getString("approval_comment"));
		}
		return decision;
	}

	private List<Map<String, Object>> questions(RequestId id) {
		return this.jdbc.sql(
				"SELECT id, question, asked_at, answer, answered_at FROM case_question WHERE request_id = ? ORDER BY asked_at")
			.param(id.value())
			.query((rs, row) -> {
				Map<String, Object> question = new LinkedHashMap<>();
				question.put("id", rs.getObject("id", UUID.class));
				question.put("question", rs.getString("question"));
				question.put("askedAt", instant(rs, "asked_at"));
				question.put("answer", rs.getString("answer"));
				question.put("answeredAt", instant(rs, "answered_at"));
				return question;
			})
			.list();
	}

	static Map<String, Object> summary(ResultSet rs, int row) throws SQLException {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("id", rs.getObject("request_id", UUID.class));
		summary.put("caseNumber", rs.getString("case_number"));
		summary.put("status", rs.getString("status"));
		summary.put("holdReason", rs.getString("hold_reason"));
		summary.put("heldByPause", rs.getObject("held_by_pause", UUID.class));
		summary.put("type", rs.getString("type"));
		summary.put("instrument", rs.getString("instrument"));
		summary.put("categories", Cases.categories(String.join(",", (String[]) rs.getArray("categories").getArray())));
		summary.put("jurisdiction", rs.getString("jurisdiction"));
		summary.put("agencyId", rs.getObject("agency_id", UUID.class));
		summary.put("assigneeId", rs.getObject("assignee_id", UUID.class));
		summary.put("receivedAt", instant(rs, "received_at"));
		summary.put("statusChangedAt", instant(rs, "status_changed_at"));
		return summary;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * The queue's filters: a status, a requesting jurisdiction and a request type (each
	 * null for any), and whether to keep only overdue cases.
	 */
	public record QueueFilter(String status, String jurisdiction, String type, boolean overdue) {
	}

	/**
	 * One page of a list and the cursor for the next page (null on the last).
	 */
	public record Page(List<Map<String, Object>> items, String next) {

		static Page of(List<Map<String, Object>> rows, int size) {
			if (rows.size() <= size) {
				return new Page(rows, null);
			}
			Map<String, Object> last = rows.get(size - 1);
			return new Page(rows.subList(0, size),
					new Cursor((Instant) last.get("receivedAt"), (UUID) last.get("id")).encode());
		}

	}

}
