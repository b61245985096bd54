package org.custodian.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.review.CaseEvents.RequestTransitioned;
import org.custodian.review.CaseEvents.ReviewerAssigned;
import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.AuditableEvent;
import org.custodian.shared.ConflictException;
import org.custodian.shared.DataCategory;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.StaffId;

/**
 * A request under review: owns its status and changes it only through intention-named
 * methods that check the current status and register what happened.
 */
public class ReviewCase {

	private final RequestId id;

	private final String caseNumber;

	private final AgencyId agencyId;

	private final Jurisdiction jurisdiction;

	private final RequestType type;

	private final Instrument instrument;

	private final Set<DataCategory> categories;

	private CaseStatus status;

	private String holdReason;

	private StaffId assignee;

	private UUID heldByPause;

	private final List<AuditableEvent> events = new ArrayList<>();

	ReviewCase(RequestId id, String caseNumber, AgencyId agencyId, Jurisdiction jurisdiction, RequestType type,
			Instrument instrument, Set<DataCategory> categories, CaseStatus status, String holdReason, StaffId assignee,
			UUID heldByPause) {
		this.id = id;
		this.caseNumber = caseNumber;
		this.agencyId = agencyId;
		this.jurisdiction = jurisdiction;
		this.type = type;
		this.instrument = instrument;
		this.categories = Set.copyOf(categories);
		this.status = status;
		this.holdReason = holdReason;
		this.assignee = assignee;
		this.heldByPause = heldByPause;
	}

	/** Screening starts automatically when a request arrives. */
	public void startScreening() {
		move(CaseStatus.SCREENING, Actor.SYSTEM, "request.screening-started", null, Map.of());
	}

	/** Screening found nothing that stops review. */
	public void startReview(Map<String, Object> screening) {
		move(CaseStatus.IN_REVIEW, Actor.SYSTEM, "request.review-started", null, screening);
	}

	/**
	 * A pause, or a compliance check, stops the request; the officer reads the reason.
	 * @param reason what the officer is told
	 * @param pause the pause that holds it, or null for a compliance hold
	 * @param actor who enacted the hold
	 */
	public void hold(String reason, UUID pause, Actor actor) {
		move(CaseStatus.ON_HOLD, actor, "request.held", reason,
				(pause != null) ? Map.of("pauseId", pause.toString()) : Map.of());
		this.holdReason = reason;
		this.heldByPause = pause;
	}

	/** The hold ended: screening starts again, nothing is approved by it. */
	public void release(Actor actor, String reason) {
		move(CaseStatus.SCREENING, actor, "request.released", reason, Map.of());
		this.heldByPause = null;
	}

	/**
	 * The jurisdiction is answered only through the MLAT route: refused by policy, with
	 * directions.
	 */
	public void requireMlat(String message) {
		move(CaseStatus.REJECTED, Actor.SYSTEM, "request.mlat-required", message,
				Map.of("outcome", Outcome.REQUIRE_MLAT.name()));
	}

	/** A compliance officer refuses a held request (e.g. a sanctioned requester). */
	public void refuse(Actor actor, String reason) {
		move(CaseStatus.REJECTED, actor, "request.refused", reason, Map.of("outcome", Outcome.REJECT.name(),
				"rejectionReason", RejectionReason.SANCTIONED_REQUESTER.name()));
	}

	/** Production of an approved disclosure begins (only where no pause stops it). */
	public void startProduction(Actor actor) {
		move(CaseStatus.PRODUCING, actor, "request.production-started", null, Map.of());
	}

	/** The package is built and released to the officer. */
	public void produced(Actor actor) {
		move(CaseStatus.PRODUCED, actor, "request.produced", null, Map.of());
	}

	/** A preservation request is accepted: records are to be kept, nothing disclosed. */
	public void preserve() {
		move(CaseStatus.PRESERVED, Actor.SYSTEM, "request.preserved", null, Map.of());
	}

	/** The preservation period ended; the snapshot is purged. */
	public void expirePreservation() {
		move(CaseStatus.EXPIRED, Actor.SYSTEM, "request.preservation-expired", null, Map.of());
	}

	/** A legal-process request that referenced the preservation was produced from it. */
	public void convertPreservation(String legalRequestId) {
		move(CaseStatus.CONVERTED, Actor.SYSTEM, "request.preservation-converted", null,
				Map.of("legalRequestId", legalRequestId));
	}

	public void assign(StaffId reviewer, Actor by) {
		if (this.status.isFinal()) {
			throw new ConflictException(
					"Request " + this.caseNumber + " is " + this.status + " and needs no reviewer.");
		}
		this.assignee = reviewer;
		this.events.add(new ReviewerAssigned(this.id, by, reviewer.toString()));
	}

	/** The reviewer needs something from the officer before deciding. */
	public void askForInformation(Actor reviewer, String question) {
		move(CaseStatus.NEEDS_INFO, reviewer, "request.information-requested", question, Map.of());
	}

	/**
	 * The officer answered the reviewer's question, with the SHA-256 of the PDF attached
	 * to the reply (or null).
	 */
	public void informationProvided(Actor officer, String attachmentSha256) {
		move(CaseStatus.IN_REVIEW, officer, "request.information-provided", null,
				(attachmentSha256 != null) ? Map.of("attachmentSha256", attachmentSha256) : Map.of());
	}

	/** A reviewer proposes a decision; someone else must approve it. */
	public void propose(Decision decision) {
		if (this.assignee != null && !this.assignee.equals(decision.proposedBy())) {
			throw new ForbiddenException("Request " + this.caseNumber + " is assigned to another reviewer.");
		}
		this.assignee = decision.proposedBy();
		move(CaseStatus.PENDING_APPROVAL, Actor.staff(decision.proposedBy()), "request.decision-proposed",
				decision.reason(), Map.of("outcome", decision.outcome().name(), "categories",
						decision.categories().stream().map(Enum::name).sorted().toList()));
	}

	/**
	 * A second person confirms the proposed decision (four eyes): never the proposer.
	 */
	public void approve(Decision decision, StaffId approver, String comment) {
		requireSecondPerson(decision, approver);
		CaseStatus next = decision.outcome().approvedStatus();
		move(next, Actor.staff(approver), "request." + switch (next) {
			case APPROVED -> "approved";
			case REJECTED -> "rejected";
			default -> "closed";
		}, comment, (decision.rejectionReason() != null)
				? Map.of("outcome", decision.outcome().name(), "rejectionReason", decision.rejectionReason().name())
				: Map.of("outcome", decision.outcome().name()));
	}

	/** The approver disagrees: back to the reviewer. */
	public void sendBack(Decision decision, StaffId approver, String comment) {
		requireSecondPerson(decision, approver);
		move(CaseStatus.IN_REVIEW, Actor.staff(approver), "request.decision-returned", comment, Map.of());
	}

	/** The officer withdraws the request; possible at any time before production. */
	public void withdraw(Actor officer, String reason) {
		move(CaseStatus.WITHDRAWN, officer, "request.withdrawn", reason, Map.of());
	}

	private void requireSecondPerson(Decision decision, StaffId approver) {
		if (decision.proposedBy().equals(approver)) {
			throw new ForbiddenException("Four eyes: the reviewer who proposed a decision cannot approve it; "
					+ "another approver must decide.");
		}
	}

	private void move(CaseStatus next, Actor actor, String action, String reason, Map<String, Object> extra) {
		if (!this.status.canMoveTo(next)) {
			throw new ConflictException("Request " + this.caseNumber + " is " + this.status + "; it cannot become "
					+ next + " (" + action.substring(action.indexOf('.') + 1) + ").");
		}
		CaseStatus from = this.status;
		this.status = next;
		if (next != CaseStatus.ON_HOLD) {
			this.holdReason = null;
		}
		this.events.add(new RequestTransitioned(this.id, actor, action, from, next, reason, extra));
	}

	/**
	 * The events registered since the case was loaded; the service publishes them on
	 * save.
	 */
	List<AuditableEvent> events() {
		return List.copyOf(this.events);
	}

	public RequestId id() {
		return this.id;
	}

	public String caseNumber() {
		return this.caseNumber;
	}

	public AgencyId agencyId() {
		return this.agencyId;
	}

	public Jurisdiction jurisdiction() {
		return this.jurisdiction;
	}

	public RequestType type() {
		return this.type;
	}

	public Instrument instrument() {
		return this.instrument;
	}

	public Set<DataCategory> categories() {
		return this.categories;
	}

	public CaseStatus status() {
		return this.status;
	}

	public String holdReason() {
		return this.holdReason;
	}

	public StaffId assignee() {
		return this.assignee;
	}

	public UUID heldByPause() {
		return this.heldByPause;
	}

}
