package org.custodian.removal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.ConflictException;
import org.custodian.shared.Enums;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading removal requests: the authority reads its own agency's (another agency's does
 * not exist, as far as it can tell: 404); the response team reads every one.
 */
@Service
public class RemovalQueries {

	private final RemovalRequests requests;

	private final RemovalReview review;

	private final Agencies agencies;

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	RemovalQueries(RemovalRequests requests, RemovalReview review, Agencies agencies, JdbcClient jdbc) {
		this.requests = requests;
		this.review = review;
		this.agencies = agencies;
		this.jdbc = jdbc;
	}

	/** The view the caller may have: the authority's for an officer, else the team's. */
	@Transactional(readOnly = true)
	public Object view(UUID id, CurrentUser caller) {
		return caller.isOfficer() ? officerView(id, caller) : staffView(id, caller);
	}

	@Transactional(readOnly = true)
	public RemovalViews.OfficerView officerView(UUID id, CurrentUser officer) {
		officer.require(Action.FOLLOW_REMOVAL_REQUEST);
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		RemovalRequest request = this.requests.find(id)
			.filter((found) -> found.agencyId().equals(active.agencyId()))
			.orElseThrow(() -> new NotFoundException(RemovalRequests.NOT_FOUND));
		List<RemovalViews.OfficerItem> items = request.items().stream().map((item) -> {
			boolean decided = "DECIDED".equals(item.status());
			return new RemovalViews.OfficerItem(item.id(), item.kind().name(), item.value(),
					decided ? item.decision().name() : null,
					(decided && item.noActionReason() != null) ? item.noActionReason().name() : null, item.effect(),
					item.effectIn(), item.effectGivenAt(), item.effectHeldBy() != null, item.restoredAt());
		}).toList();
		return new RemovalViews.OfficerView(request.id(), request.caseNumber(), request.status().name(),
				request.holdReason(), request.basis().name(), request.reason().name(), codes(request),
				request.respondBy(), request.receivedAt(), request.acknowledgedAt(), items);
	}

	@Transactional(readOnly = true)
	public RemovalViews.StaffView staffView(UUID id, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		RemovalRequest request = this.requests.require(id);
		List<RemovalViews.StaffItem> items = request.items()
			.stream()
			.map((item) -> new RemovalViews.StaffItem(item.id(), item.position(), item.kind().name(), item.value(),
					item.status(), item.proposalId(), (item.decision() != null) ? item.decision().name() : null,
					(item.noActionReason() != null) ? item.noActionReason().name() : null, item.effect(),
					item.effectIn(), item.effectGivenAt(), item.effectHeldBy(), item.restoredAt()))
			.toList();
		List<RemovalViews.ProposalView> proposals = this.jdbc
			.sql("SELECT * FROM removal_proposal WHERE request_id = ? ORDER BY proposed_at, id")
			.param(id)
			.query((rs, row) -> new RemovalViews.ProposalView(rs.getObject("id", UUID.class), rs.getString("status"),
					rs.getString("reason"),
					this.json.readValue(rs.getString("assessment"), new TypeReference<Map<String, Object>>() {
					}), rs.getObject("proposed_by", UUID.class), RemovalRequests.instant(rs, "proposed_at"),
					rs.getObject("decided_by", UUID.class), RemovalRequests.instant(rs, "decided_at"),
					rs.getString("comment")))
			.list();
		Map<String, Object> humanRights = this.jdbc
			.sql("SELECT verdict, note, lead_id, reviewed_at FROM removal_human_rights_review WHERE request_id = ?")
			.param(id)
			.query((rs, row) -> {
				Map<String, Object> review = new LinkedHashMap<>();
				review.put("verdict", rs.getString("verdict"));
				review.put("note", rs.getString("note"));
				review.put("leadId", rs.getObject("lead_id", UUID.class));
				review.put("reviewedAt", RemovalRequests.instant(rs, "reviewed_at"));
				return review;
			})
			.optional()
			.orElse(null);
		return new RemovalViews.StaffView(request.id(), request.caseNumber(), request.status().name(),
				request.holdReason(), request.heldByPause(), request.jurisdiction().code(), request.basis().name(),
				request.legalBasis(), request.issuingAuthority(), request.reason().name(), request.explanation(),
				codes(request), request.respondBy(), request.receivedAt(), request.acknowledgedAt(),
				request.documentSha256(), this.review.needsHumanRightsReview(request), humanRights, items, proposals,
				appeals(request.id()));
	}

	/**
	 * Removal requests, newest first (at most 200): the team's queue, optionally of one
	 * status; for an officer, their agency's.
	 */
	@Transactional(readOnly = true)
	public List<RemovalViews.Summary> list(CurrentUser caller, String status) {
		if (status != null && Enums.parse(RemovalStatus.class, status).isEmpty()) {
			throw new InvalidInputException("status", "must be one of " + Enums.allowed(RemovalStatus.class));
		}
		UUID agency = null;
		if (caller.isOfficer()) {
			caller.require(Action.FOLLOW_REMOVAL_REQUEST);
			agency = this.agencies.requireActiveOfficer(caller.officerId()).agencyId().value();
		}
		else {
			caller.require(Action.READ_CASE);
		}
		return this.jdbc.sql("""
				SELECT r.*, (SELECT count(*) FROM removal_item i WHERE i.request_id = r.id) AS items
				FROM removal_request r
				WHERE (?::uuid IS NULL OR agency_id = ?) AND (?::text IS NULL OR status = ?)
				ORDER BY received_at DESC, id LIMIT 200""")
			.params(agency, agency, status, status)
			.query((rs, row) -> new RemovalViews.Summary(rs.getObject("id", UUID.class), rs.getString("case_number"),
					rs.getString("status"), rs.getString("jurisdiction"), rs.getString("basis"), rs.getString("reason"),
					rs.getInt("items"), RemovalRequests.instant(rs, "received_at")))
			.list();
	}

	/**
	 * An item's decision as a statement of reasons for the DSA Transparency Database; 409
	 * until a decision acting on content has been given effect.
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> statementOfReasons(UUID id, UUID itemId, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		RemovalRequest request = this.requests.require(id);
		RemovalRequest.Item item = request.items()
			.stream()
			.filter((candidate) -> candidate.id().equals(itemId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No item with this id in this removal request."));
		if (item.decision() == null || !item.decision().actsOnContent() || item.effectGivenAt() == null) {
			throw new ConflictException("Only a restriction or removal that has been given effect has a statement "
					+ "of reasons; this item's decision is " + ((item.decision() != null) ? item.decision() : "open")
					+ ".");
		}
		String reasoning = this.jdbc.sql("SELECT reason FROM removal_proposal WHERE id = ?")
			.param(item.proposalId())
			.query(String.class)
			.single();
		return StatementOfReasons.of(request, item, reasoning);
	}

	private List<RemovalViews.AppealView> appeals(UUID requestId) {
		return this.jdbc.sql("SELECT * FROM removal_appeal WHERE request_id = ? ORDER BY filed_at, id")
			.param(requestId)
			.query((rs, row) -> new RemovalViews.AppealView(rs.getObject("id", UUID.class),
					rs.getObject("item_id", UUID.class), rs.getString("account_id"), rs.getString("statement"),
					RemovalRequests.instant(rs, "filed_at"), rs.getString("status"),
					rs.getObject("decided_by", UUID.class), RemovalRequests.instant(rs, "decided_at"),
					rs.getString("reason")))
			.list();
	}

	private static List<String> codes(RemovalRequest request) {
		return request.territorialScope().stream().map(Jurisdiction::code).toList();
	}

}
