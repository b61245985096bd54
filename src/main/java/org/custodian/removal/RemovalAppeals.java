package org.custodian.removal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.notice.HolderNotices;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.FourEyes;
import org.custodian.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals (DSA Art. 20): the holder of withheld or removed content files one with the
 * one-time link of their notice; a staff member who did not decide the item (neither its
 * proposer nor its approver) upholds the decision or restores the item through every
 * {@link ContentControls}; the holder is told the outcome. A link opens an appeal for
 * {@code custodian.removal.appeal-window} (six months by default: DSA Art. 20(1) asks for
 * at least six months after the decision; ADR 0027). Each step is one transaction with
 * its audit events.
 */
@Service
public class RemovalAppeals {

	static final String SUBJECT = "removal_appeal";

	private static final String NO_LINK = "No appeal link with this token.";

	private final HolderNotices links;

	private final RemovalRequests requests;

	private final RemovalNotices notices;

	private final List<ContentControls> controls;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration window;

	RemovalAppeals(HolderNotices links, RemovalRequests requests, RemovalNotices notices,
			List<ContentControls> controls, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${custodian.removal.appeal-window:183d}") Duration window) {
		this.links = links;
		this.requests = requests;
		this.notices = notices;
		this.controls = controls;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.window = window;
	}

	/**
	 * What the public appeal page shows for a link: what the holder's notice said (the
	 * item, the effect and where, the authority that asked and its legal ground).
	 */
	public record Appealable(String caseNumber, String itemKind, String item, String effect, List<String> effectIn,
			String jurisdiction, String issuingAuthority, String basis, String legalBasis) {
	}

	/**
	 * What a link is about, for the public page; opening it changes nothing. 404 for an
	 * unknown token, 410 for a used or an expired one.
	 */
	@Transactional
	public Appealable appealable(String token) {
		Found found = item(open(token).subjectId());
		RemovalRequest request = found.request();
		return new Appealable(request.caseNumber(), found.item().kind().name(), found.item().value(),
				found.item().effect(), found.item().effectIn(), request.jurisdiction().code(),
				request.issuingAuthority(), request.basis().name(), request.legalBasis());
	}

	/**
	 * The link a token opens, locked for this transaction, if it still opens anything:
	 * unknown (404), already used or older than the appeal window (410) opens nothing.
	 */
	private HolderNotices.Link open(String token) {
		HolderNotices.Link link = this.links.link(token).orElseThrow(() -> new NotFoundException(NO_LINK));
		if (link.used()) {
			throw new AppealLinkUsed();
		}
		if (link.createdAt().plus(this.window).isBefore(Instant.now(this.clock))) {
			throw new AppealLinkExpired();
		}
		return link;
	}

	/**
	 * Files the holder's appeal: the link's token is the holder's only credential and
	 * works once.
	 * @return the appeal's id
	 */
	@Transactional
	public UUID file(String token, String statement) {
		FieldProblems problems = new FieldProblems();
		problems.check(token != null && !token.isBlank(), "token", "is required: the token of the appeal link");
		String text = problems.required(statement, "statement", 5000);
		problems.throwIfAny();
		HolderNotices.Link link = open(token);
		Found found = item(link.subjectId());
		this.requests.lock(found.request().id());
		Instant now = Instant.now(this.clock);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO removal_appeal (id, request_id, item_id, account_id, statement, filed_at, status)
				VALUES (?, ?, ?, ?, ?, ?, 'FILED')""")
			.params(id, found.request().id(), found.item().id(), link.accountId(), text, RemovalRequests.utc(now))
			.update();
		this.links.use(token, now);
		this.events.publishEvent(
				new AuditedAction(Actor.SYSTEM, "removal.appeal-filed", SUBJECT, id.toString(), details(found, null)));
		return id;
	}

	/**
	 * Decides an appeal: UPHOLD keeps the effect, RESTORE makes the item visible again
	 * everywhere. Refused (403) to whoever proposed or approved the item's decision.
	 */
	@Transactional
	public void decide(UUID requestId, UUID appealId, String outcome, String reason, CurrentUser caller) {
		caller.require(Action.DECIDE_REMOVAL_APPEAL);
		FieldProblems problems = new FieldProblems();
		AppealOutcome chosen = problems.enumValue(AppealOutcome.class, outcome, "outcome", true);
		String why = problems.required(reason, "reason", 2000);
		problems.throwIfAny();
		RemovalRequest request = this.requests.lock(requestId);
		Map<String, Object> appeal = this.jdbc
			.sql("SELECT item_id, account_id, status FROM removal_appeal WHERE id = ? AND request_id = ? FOR UPDATE")
			.params(appealId, requestId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No appeal with this id in this removal request."));
		if (!"FILED".equals(appeal.get("status"))) {
			throw new ConflictException("This appeal has already been decided (" + appeal.get("status") + ").");
		}
		RemovalRequest.Item item = request.items()
			.stream()
			.filter((candidate) -> candidate.id().equals(appeal.get("item_id")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> deciders = this.jdbc
			.sql("SELECT proposed_by, decided_by FROM removal_proposal WHERE id = ?")
			.param(item.proposalId())
			.query()
			.singleRow();
		String refusal = "Appeals are decided by someone who did not decide the item: you proposed or approved it.";
		FourEyes.requireAnother(String.valueOf(deciders.get("proposed_by")), caller.id().toString(), refusal);
		FourEyes.requireAnother(String.valueOf(deciders.get("decided_by")), caller.id().toString(), refusal);
		Instant now = Instant.now(this.clock);
		boolean restore = chosen == AppealOutcome.RESTORE;
		this.jdbc.sql("""
				UPDATE removal_appeal SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?""")
			.params(restore ? "RESTORED" : "UPHELD", caller.id(), RemovalRequests.utc(now), why, appealId)
			.update();
		Found found = new Found(request, item);
		Map<String, Object> details = details(found, chosen.name());
		details.put("reason", why);
		this.events.publishEvent(
				new AuditedAction(caller.actor(), "removal.appeal-decided", SUBJECT, appealId.toString(), details));
		if (restore) {
			this.controls.forEach((control) -> control.restore(item.content()));
			this.jdbc.sql("UPDATE removal_item SET restored_at = ? WHERE id = ?")
				.params(RemovalRequests.utc(now), item.id())
				.update();
			Map<String, Object> restored = details(found, null);
			restored.put("appealId", appealId.toString());
			this.events.publishEvent(new AuditedAction(caller.actor(), "removal.item-restored", RemovalAudit.ITEM,
					item.id().toString(), restored));
		}
		this.notices.appealDecided(request, item, (String) appeal.get("account_id"), chosen.name(), why, now);
	}

	private record Found(RemovalRequest request, RemovalRequest.Item item) {
	}

	private Found item(UUID itemId) {
		UUID requestId = this.jdbc.sql("SELECT request_id FROM removal_item WHERE id = ?")
			.param(itemId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(NO_LINK));
		RemovalRequest request = this.requests.require(requestId);
		RemovalRequest.Item item = request.items()
			.stream()
			.filter((candidate) -> candidate.id().equals(itemId))
			.findFirst()
			.orElseThrow();
		return new Found(request, item);
	}

	private static Map<String, Object> details(Found found, String outcome) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("requestId", found.request().id().toString());
		details.put("itemId", found.item().id().toString());
		details.put("jurisdiction", found.request().jurisdiction().code());
		details.put("effect", found.item().effect());
		details.put("effectIn", found.item().effectIn());
		if (outcome != null) {
			details.put("outcome", outcome);
		}
		return details;
	}

}
