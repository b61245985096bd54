package org.custodian.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.StaffAccounts;
import org.custodian.intake.Requests;
import org.custodian.intake.Submission;
import org.custodian.intake.SubmittedRequest;
import org.custodian.review.CaseEvents.CaseViewed;
import org.custodian.shared.DataCategory;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.StaffId;
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

	private final Deadlines deadlines;

	private final StaffAccounts staff;

	private final CaseContext context;

	CaseQueries(JdbcClient jdbc, Cases cases, Requests requests, Agencies agencies, ApplicationEventPublisher events,
			List<CaseFlags> flags, Clock clock, Deadlines deadlines, StaffAccounts staff, CaseContext context) {
		this.context = context;
		this.clock = clock;
		this.deadlines = deadlines;
		this.staff = staff;
		this.jdbc = jdbc;
		this.cases = cases;
		this.requests = requests;
		this.agencies = agencies;
		this.events = events;
		this.flags = flags;
	}

	/**
	 * The staff queue with every filter of the console.
	 * @param filter status (or {@code OPEN} for every open one), jurisdiction, type (each
	 * null for any), and whether only overdue, due-soon or the reader's own cases are
	 * wanted
	 * @param sort {@code due} (emergencies first, then by due time), {@code newest} or
	 * {@code oldest} (by arrival); null for oldest
	 * @param after the cursor of the previous page's last case, or null
	 * @param limit the page size
	 * @param reader the staff member reading the queue
	 * @return one page and the cursor of the next, if there is one
	 */
	@Transactional(readOnly = true)
	public Page queue(QueueFilter filter, String sort, String after, Integer limit, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		String jurisdiction = filter.jurisdiction();
		FieldProblems problems = new FieldProblems();
		boolean open = "OPEN".equalsIgnoreCase(filter.status());
		CaseStatus statusFilter = open ? null : problems.enumValue(CaseStatus.class, filter.status(), "status", false);
		RequestType typeFilter = problems.enumValue(RequestType.class, filter.type(), "type", false);
		QueueOrder order = QueueOrder.parse(sort, problems);
		problems.check(jurisdiction == null || Jurisdiction.isValid(jurisdiction), "jurisdiction",
				"must be an ISO 3166-1 alpha-2 code");
		int size = (limit != null) ? limit : 50;
		problems.check(size >= 1 && size <= MAX_PAGE, "limit", "must be between 1 and " + MAX_PAGE);
		String search = problems.optional(filter.search(), "q", Submission.MAX_AGENCY_REFERENCE);
		problems.throwIfAny();
		Cursor cursor = (after != null) ? Cursor.decode(after, order == QueueOrder.DUE) : null;
		Instant now = Instant.now(this.clock);
		StringBuilder sql = new StringBuilder("SELECT * FROM review_case WHERE true");
		List<Object> params = new ArrayList<>();
		// Overdue means something is still owed past its deadline, which includes a
		// produced emergency's follow-up: the overdue filter is open cases' own filter.
		if (open && !filter.overdue()) {
			sql.append(" AND open");
		}
		if (statusFilter != null) {
			// No index keys the status (V91): an open one is found through open cases'.
			sql.append(CaseStatus.OPEN.contains(statusFilter) ? " AND open AND status = ?" : " AND status = ?");
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
		if (filter.mine()) {
			sql.append(" AND assignee_id = ?");
			params.add(reader.id());
		}
		if (search != null) {
			// Prefix matches served by V76's text_pattern_ops indexes.
			sql.append(" AND (case_number LIKE ? OR lower(agency_reference) LIKE ?)");
			params.add(prefix(search));
			params.add(prefix(search.toLowerCase(Locale.ROOT)));
		}
		if (filter.dueSoon()) {
			sql.append(" AND open AND due_at >= ? AND due_at < ?");
			params.add(Cases.utc(now));
			params.add(Cases.utc(now.plus(this.deadlines.dueSoon())));
		}
		if (filter.overdue()) {
			overdue(sql, params, now);
		}
		if (cursor != null) {
			sql.append(switch (order) {
				case DUE -> " AND (urgency, due_at, request_id) > (?, ?, ?)";
				case NEWEST -> " AND (received_at, request_id) < (?, ?)";
				case OLDEST -> " AND (received_at, request_id) > (?, ?)";
			});
			if (order == QueueOrder.DUE) {
				params.add(cursor.urgency());
			}
			params.add(Cases.utc(cursor.at()));
			params.add(cursor.id());
		}
		sql.append(switch (order) {
			case DUE -> " ORDER BY urgency, due_at, request_id LIMIT ?";
			case NEWEST -> " ORDER BY received_at DESC, request_id DESC LIMIT ?";
			case OLDEST -> " ORDER BY received_at, request_id LIMIT ?";
		});
		params.add(size + 1);
		List<Map<String, Object>> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query(CaseQueries::summary)
			.list();
		flag(rows);
		deadlines(rows, now);
		return (order == QueueOrder.DUE) ? Page.byUrgency(rows, size) : Page.of(rows, size);
	}

	/** A LIKE pattern matching text that starts with the given one, taken literally. */
	static String prefix(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * Where each case stands against its due time, and who has it, for the queue's
	 * columns.
	 */
	private void deadlines(List<Map<String, Object>> rows, Instant now) {
		Map<UUID, String> names = new HashMap<>();
		for (Map<String, Object> row : rows) {
			Instant due = (Instant) row.get("dueAt");
			boolean isOpen = CaseStatus.OPEN.contains(CaseStatus.valueOf((String) row.get("status")));
			row.put("overdue", isOpen && due.isBefore(now));
			row.put("dueSoon", isOpen && !due.isBefore(now) && due.isBefore(now.plus(this.deadlines.dueSoon())));
			UUID assignee = (UUID) row.get("assigneeId");
			row.put("assigneeName", (assignee == null) ? null : names.computeIfAbsent(assignee,
					(id) -> this.staff.find(new StaffId(id)).map(StaffAccounts.StaffMember::name).orElse(null)));
		}
	}

	/** How many requests the queue's overdue filter finds now. */
	@Transactional(readOnly = true)
	long countOverdue() {
		StringBuilder sql = new StringBuilder("SELECT count(*) FROM review_case WHERE true");
		List<Object> params = new ArrayList<>();
		overdue(sql, params, Instant.now(this.clock));
		return this.jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/**
	 * Keeps the cases some module finds overdue now: the union of their deadline queries.
	 * {@code OFFSET 0} keeps PostgreSQL from flattening the union into a semi-join that
	 * walks the whole queue index in order and probes each case (96-308 ms at 1 M cases);
	 * fenced, it starts from the few open deadlines, fetches those cases and sorts them
	 * (28-30 ms for 2 537 overdue among 1 M, first page or any cursor).
	 */
	private void overdue(StringBuilder sql, List<Object> params, Instant now) {
		List<String> queries = new ArrayList<>();
		// Review's own deadline: the request's due time, among open cases (V70's index).
		queries.add("SELECT request_id FROM review_case WHERE open AND due_at < ?");
		this.flags.stream().flatMap((provider) -> provider.overdueRequests().stream()).forEach(queries::add);
		sql.append(" AND request_id IN (").append(String.join(" UNION ALL ", queries)).append(" OFFSET 0)");
		queries.forEach((query) -> params.add(Cases.utc(now)));
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
		view.put("agency", this.context.agency(request));
		view.put("officer", this.context.officer(request));
		view.put("accounts", this.context.targets(request));
		view.put("pausesInForce", this.context.pauses(id));
		List<Map<String, Object>> self = List.of(view);
		deadlines(self, Instant.now(this.clock));
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
			.params(active.agencyId().value(), (cursor != null) ? Cases.utc(cursor.at()) : null,
					(cursor != null) ? Cases.utc(cursor.at()) : null, (cursor != null) ? cursor.id() : null, size + 1)
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
		return this.jdbc.sql("""
				SELECT q.id, q.question, q.asked_at, q.answer, q.answered_at, a.id AS attachment_id, a.filename,
				  a.size_bytes, a.sha256
				FROM case_question q LEFT JOIN case_answer_attachment a ON a.id = q.answer_attachment_id
				WHERE q.request_id = ? ORDER BY q.asked_at""").param(id.value()).query((rs, row) -> {
			Map<String, Object> question = new LinkedHashMap<>();
			question.put("id", rs.getObject("id", UUID.class));
			question.put("question", rs.getString("question"));
			question.put("askedAt", instant(rs, "asked_at"));
			question.put("answer", rs.getString("answer"));
			question.put("answeredAt", instant(rs, "answered_at"));
			UUID attachment = rs.getObject("attachment_id", UUID.class);
			question.put("attachment",
					(attachment != null) ? Map.of("id", attachment, "filename", rs.getString("filename"), "sizeBytes",
							rs.getLong("size_bytes"), "sha256", rs.getString("sha256")) : null);
			return question;
		}).list();
	}

	static Map<String, Object> summary(ResultSet rs, int row) throws SQLException {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("id", rs.getObject("request_id", UUID.class));
		summary.put("caseNumber", rs.getString("case_number"));
		summary.put("agencyReference", rs.getString("agency_reference"));
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
		summary.put("dueAt", instant(rs, "due_at"));
		return summary;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * The queue's filters: a status ({@code OPEN} for any open one), a requesting
	 * jurisdiction and a request type (each null for any), and whether to keep only
	 * overdue cases, cases due soon, or the reader's own (assigned to them); a search
	 * text (null for none) keeps the cases whose case number or agency reference starts
	 * with it (the reference compared case-insensitively).
	 */
	public record QueueFilter(String status, String jurisdiction, String type, boolean overdue, boolean dueSoon,
			boolean mine, String search) {

		public QueueFilter(String status, String jurisdiction, String type, boolean overdue, boolean dueSoon,
				boolean mine) {
			this(status, jurisdiction, type, overdue, dueSoon, mine, null);
		}

		public QueueFilter(String status, String jurisdiction, String type, boolean overdue) {
			this(status, jurisdiction, type, overdue, false, false);
		}

	}

	/**
	 * The queue's orders, named in lower case as the API takes them ({@code sort=due}):
	 * most urgent first, newest or oldest first.
	 */
	public enum QueueOrder {

		DUE, NEWEST, OLDEST;

		/**
		 * The order named (oldest first when none is), or a problem naming {@code sort}.
		 */
		static QueueOrder parse(String sort, FieldProblems problems) {
			if (sort == null || sort.isBlank()) {
				return OLDEST;
			}
			for (QueueOrder order : values()) {
				if (order.name().equalsIgnoreCase(sort.strip())) {
					return order;
				}
			}
			problems.add("sort", "must be one of due, newest, oldest");
			return OLDEST;
		}

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

		/** A page of the most-urgent-first order, whose keyset is (urgency, due, id). */
		static Page byUrgency(List<Map<String, Object>> rows, int size) {
			if (rows.size() <= size) {
				return new Page(rows, null);
			}
			Map<String, Object> last = rows.get(size - 1);
			int urgency = "EMERGENCY".equals(last.get("type")) ? 0 : 1;
			return new Page(rows.subList(0, size),
					new Cursor((Instant) last.get("dueAt"), (UUID) last.get("id"), urgency).encode());
		}

	}

}
