package org.custodian.removal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.duediligence.RiskLevel;
import org.custodian.duediligence.RiskLevels;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.review.Approval;
import org.custodian.review.Assessment;
import org.custodian.review.HumanRightsFinding;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.FourEyes;
import org.custodian.shared.Jurisdiction;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing a removal request item by item: a reviewer proposes decisions for some items
 * with the structured assessment of data requests, a second person (an approver, never
 * the proposer) approves them, and only then are they given effect on the platform. In a
 * HIGH-risk jurisdiction a human-rights lead assesses the request first. Each use case is
 * one transaction with its audit events.
 */
@Service
public class RemovalReview {

	private final RemovalRequests requests;

	private final RemovalEffects effects;

	private final RiskLevels risks;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	RemovalReview(RemovalRequests requests, RemovalEffects effects, RiskLevels risks, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.effects = effects;
		this.risks = risks;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A reviewer proposes decisions for some of the request's open items; the request
	 * then awaits a second person.
	 * @return the proposal's id
	 */
	@Transactional
	public UUID propose(UUID id, RemovalProposalForm form, CurrentUser reviewer) {
		reviewer.require(Action.PROPOSE_REMOVAL_DECISION);
		RemovalRequest request = this.requests.lock(id);
		requireStatus(request, RemovalStatus.IN_REVIEW, "propose decisions");
		if (needsHumanRightsReview(request) && !hasHumanRightsReview(id)) {
			throw new ConflictException("This request concerns a HIGH-risk jurisdiction: a human-rights lead must "
					+ "assess it before decisions can be proposed.");
		}
		FieldProblems problems = new FieldProblems();
		Map<UUID, Decided> decided = decisions(form, request, problems);
		String reason = problems.required(form.reason(), "reason", 8000);
		Assessment assessment = Assessment.check(form.assessment(), problems);
		boolean acts = decided.values().stream().anyMatch((d) -> d.decision().actsOnContent());
		if (acts && assessment != null) {
			assessment.unsatisfiedFields()
				.forEach((field) -> problems.add(field,
						"is NOT_SATISFIED: a restriction or removal cannot rest on an unsatisfied consideration"));
		}
		problems.throwIfAny();
		UUID proposal = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				INSERT INTO removal_proposal (id, request_id, reason, assessment, proposed_by, proposed_at, status)
				VALUES (?, ?, ?, ?::jsonb, ?, ?, 'PENDING')""")
			.params(proposal, id, reason, this.json.writeValueAsString(assessment.asMap()), reviewer.id(),
					RemovalRequests.utc(now))
			.update();
		decided.forEach((itemId, d) -> this.jdbc.sql("""
				UPDATE removal_item SET status = 'PROPOSED', proposal_id = ?, decision = ?, no_action_reason = ?
				WHERE id = ?""")
			.params(proposal, d.decision().name(), (d.noAction() != null) ? d.noAction().name() : null, itemId)
			.update());
		this.requests.setStatus(id, RemovalStatus.PENDING_APPROVAL);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("proposalId", proposal.toString());
		details.put("items", decided.size());
		details.put("decisions", counts(decided));
		audit(reviewer, "removal.decisions-proposed", id, details);
		return proposal;
	}

	/**
	 * The second person's verdict on the pending proposal: approved, its decisions are
	 * given effect (unless a pause of production holds them); returned, its items are
	 * open again.
	 */
	@Transactional
	public void approve(UUID id, Boolean approve, String comment, CurrentUser approver) {
		approver.require(Action.APPROVE_REMOVAL_DECISION);
		Approval verdict = Approval.check(approve, comment,
				"is required when returning a proposal: tell the reviewer why");
		String note = verdict.comment();
		RemovalRequest request = this.requests.lock(id);
		requireStatus(request, RemovalStatus.PENDING_APPROVAL, "approve decisions");
		Map<String, Object> pending = this.jdbc
			.sql("SELECT id, proposed_by FROM removal_proposal WHERE request_id = ? AND status = 'PENDING'")
			.param(id)
			.query((rs, row) -> Map.<String, Object>of("id", rs.getObject("id", UUID.class), "proposedBy",
					rs.getObject("proposed_by", UUID.class)))
			.optional()
			.orElseThrow(() -> new ConflictException("No proposal awaits approval."));
		FourEyes.requireAnother(pending.get("proposedBy").toString(), approver.id().toString(),
				"Four eyes: the reviewer who proposed these decisions cannot approve them; another person must.");
		UUID proposal = (UUID) pending.get("id");
		Instant now = Instant.now(this.clock);
		this.jdbc
			.sql("UPDATE removal_proposal SET status = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ?")
			.params(verdict.approved() ? "APPROVED" : "RETURNED", approver.id(), RemovalRequests.utc(now), note,
					proposal)
			.update();
		List<RemovalRequest.Item> items = request.items()
			.stream()
			.filter((item) -> proposal.equals(item.proposalId()))
			.toList();
		if (verdict.approved()) {
			this.jdbc.sql("UPDATE removal_item SET status = 'DECIDED' WHERE proposal_id = ?").param(proposal).update();
			audit(approver, "removal.decisions-approved", id,
					Map.of("proposalId", proposal.toString(), "items", items.size()));
			this.effects.giveEffect(request, items, approver.actor(), now);
		}
		else {
			this.jdbc
				.sql("""
						UPDATE removal_item SET status = 'OPEN', proposal_id = NULL, decision = NULL, no_action_reason = NULL
						WHERE proposal_id = ?""")
				.param(proposal)
				.update();
			audit(approver, "removal.decisions-returned", id,
					Map.of("proposalId", proposal.toString(), "items", items.size(), "comment", note));
		}
		boolean open = this.jdbc.sql("SELECT count(*) FROM removal_item WHERE request_id = ? AND status = 'OPEN'")
			.param(id)
			.query(Long.class)
			.single() > 0;
		this.requests.setStatus(id, open ? RemovalStatus.IN_REVIEW : RemovalStatus.DECIDED);
	}

	/**
	 * A human-rights lead's assessment of the request, required before any proposal when
	 * the requester's or a targeted jurisdiction is HIGH-risk.
	 */
	@Transactional
	public void recordHumanRightsReview(UUID id, String verdict, String note, CurrentUser lead) {
		lead.require(Action.RECORD_HUMAN_RIGHTS_REVIEW);
		HumanRightsFinding finding = HumanRightsFinding.check(verdict, note);
		RemovalRequest request = this.requests.lock(id);
		if (request.status() == RemovalStatus.DECIDED) {
			throw new ConflictException("Removal request " + request.caseNumber() + " is decided.");
		}
		this.jdbc.sql("""
				INSERT INTO removal_human_rights_review (request_id, verdict, note, lead_id, reviewed_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (request_id) DO UPDATE SET verdict = EXCLUDED.verdict, note = EXCLUDED.note,
				  lead_id = EXCLUDED.lead_id, reviewed_at = EXCLUDED.reviewed_at""")
			.params(id, finding.verdict().name(), finding.note(), lead.id(),
					RemovalRequests.utc(Instant.now(this.clock)))
			.update();
		audit(lead, "removal.human-rights-reviewed", id, Map.of("verdict", finding.verdict().name()));
	}

	/** Whether the requester's jurisdiction or one the order targets is HIGH-risk. */
	boolean needsHumanRightsReview(RemovalRequest request) {
		Set<Jurisdiction> concerned = new HashSet<>(request.territorialScope());
		concerned.add(request.jurisdiction());
		return concerned.stream().anyMatch((jurisdiction) -> this.risks.of(jurisdiction) == RiskLevel.HIGH);
	}

	boolean hasHumanRightsReview(UUID id) {
		return this.jdbc.sql("SELECT count(*) FROM removal_human_rights_review WHERE request_id = ?")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	private record Decided(ItemDecision decision, NoActionReason noAction) {
	}

	private static Map<UUID, Decided> decisions(RemovalProposalForm form, RemovalRequest request,
			FieldProblems problems) {
		Map<UUID, Decided> decided = new LinkedHashMap<>();
		List<RemovalProposalForm.ItemDecisionForm> items = (form.items() != null) ? form.items() : List.of();
		if (items.isEmpty()) {
			problems.add("items", "needs a decision for at least one item");
		}
		Map<UUID, RemovalRequest.Item> byId = new LinkedHashMap<>();
		request.items().forEach((item) -> byId.put(item.id(), item));
		for (int i = 0; i < items.size(); i++) {
			String field = "items[" + i + "]";
			RemovalProposalForm.ItemDecisionForm item = items.get(i);
			if (item == null) {
				problems.add(field, "is empty");
				continue;
			}
			UUID itemId = itemId(item.itemId(), field + ".itemId", byId, problems);
			ItemDecision decision = problems.enumValue(ItemDecision.class, item.decision(), field + ".decision", true);
			NoActionReason noAction = problems.enumValue(NoActionReason.class, item.noActionReason(),
					field + ".noActionReason", decision == ItemDecision.NO_ACTION);
			problems.check(decision == ItemDecision.NO_ACTION || item.noActionReason() == null,
					field + ".noActionReason", "is only for NO_ACTION");
			if (itemId != null && decided.containsKey(itemId)) {
				problems.add(field + ".itemId", "is decided twice in this proposal");
			}
			else if (itemId != null && decision != null) {
				decided.put(itemId, new Decided(decision, noAction));
			}
		}
		return decided;
	}

	private static UUID itemId(String value, String field, Map<UUID, RemovalRequest.Item> items,
			FieldProblems problems) {
		if (value == null || value.isBlank()) {
			problems.add(field, "is required");
			return null;
		}
		try {
			UUID id = UUID.fromString(value.trim());
			RemovalRequest.Item item = items.get(id);
			if (item == null) {
				problems.add(field, "is not an item of this request");
				return null;
			}
			if (!"OPEN".equals(item.status())) {
				problems.add(field, "is already " + item.status().toLowerCase());
				return null;
			}
			return id;
		}
		catch (IllegalArgumentException ex) {
			problems.add(field, "is not an item id");
			return null;
		}
	}

	private static Map<String, Object> counts(Map<UUID, Decided> decided) {
		Map<String, Object> counts = new LinkedHashMap<>();
		for (ItemDecision decision : EnumSet.allOf(ItemDecision.class)) {
			long n = decided.values().stream().filter((d) -> d.decision() == decision).count();
			if (n > 0) {
				counts.put(decision.name(), n);
			}
		}
		return counts;
	}

	private static void requireStatus(RemovalRequest request, RemovalStatus status, String action) {
		if (request.status() == RemovalStatus.ON_HOLD) {
			throw new ConflictException("Cannot " + action + ": removal request " + request.caseNumber()
					+ " is on hold. " + request.holdReason());
		}
		if (request.status() != status) {
			throw new ConflictException("Cannot " + action + ": removal request " + request.caseNumber() + " is "
					+ request.status() + ", not " + status + ".");
		}
	}

	private void audit(CurrentUser caller, String action, UUID id, Map<String, Object> details) {
		this.events
			.publishEvent(new AuditedAction(caller.actor(), action, RemovalRequests.SUBJECT, id.toString(), details));
	}

}
