package org.custodian.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.identity.StaffAccounts;
import org.custodian.intake.RequestStatuses;
import org.custodian.intake.RequestSubmitted;
import org.custodian.policy.CategoryFinding;
import org.custodian.policy.LegalTierPolicy;
import org.custodian.policy.TierQuestion;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.StaffId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of review. Each runs in one transaction: load and lock the case, apply
 * one guarded transition, save it, publish its events (which the audit log records in the
 * same transaction).
 */
@Service
public class ReviewService implements RequestStatuses {

	private final Cases cases;

	private final LegalTierPolicy tiers;

	private final StaffAccounts staff;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReviewService(Cases cases, LegalTierPolicy tiers, StaffAccounts staff, Agencies agencies,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.tiers = tiers;
		this.staff = staff;
		this.agencies = agencies;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Opens a case for a new request and screens it, in the submission's transaction.
	 */
	@EventListener
	@Transactional
	public void on(RequestSubmitted submitted) {
		ReviewCase reviewCase = new ReviewCase(submitted.requestId(), submitted.caseNumber(), submitted.agencyId(),
				submitted.jurisdiction(), submitted.type(), submitted.instrument(), submitted.categories(),
				CaseStatus.RECEIVED, null, null);
		this.cases.insert(reviewCase, submitted.receivedAt());
		reviewCase.startScreening();
		List<CategoryFinding> findings = this.tiers.screen(new TierQuestion(submitted.type(), submitted.instrument(),
				submitted.jurisdiction(), submitted.categories()));
		this.cases.saveScreening(submitted.requestId(), findings);
		if (submitted.type() == RequestType.PRESERVATION) {
			reviewCase.preserve();
		}
		else {
			reviewCase.startReview(Map.of("screening",
					findings.stream().map((finding) -> finding.category() + ":" + finding.verdict()).toList()));
		}
		save(reviewCase);
	}

	@Transactional
	public void assign(RequestId id, UUID reviewerId, CurrentUser by) {
		if (reviewerId == null) {
			throw new InvalidInputException("reviewerId", "is required");
		}
		StaffAccounts.StaffMember reviewer = this.staff.find(new StaffId(reviewerId))
			.filter((member) -> member.active() && member.roles().contains(Role.REVIEWER))
			.orElseThrow(() -> new InvalidInputException("reviewerId",
					"is not an active staff user with the REVIEWER role"));
		ReviewCase reviewCase = this.cases.require(id);
		reviewCase.assign(reviewer.id(), by.actor());
		save(reviewCase);
	}

	@Transactional
	public void propose(RequestId id, Decision.Form form, CurrentUser reviewer) {
		ReviewCase reviewCase = this.cases.require(id);
		requireStatus(reviewCase, CaseStatus.IN_REVIEW, "propose a decision");
		Decision decision = Decision.check(form, reviewCase.categories(), this.cases.screening(id), reviewer.staffId(),
				now());
		reviewCase.propose(decision);
		this.cases.insertDecision(id, decision);
		save(reviewCase);
	}

	/**
	 * The second person's verdict on the proposed decision.
	 */
	@Transactional
	public void approve(RequestId id, Boolean approve, String comment, CurrentUser approver) {
		FieldProblems problems = new FieldProblems();
		problems.check(approve != null, "approve", "is required: true to approve, false to return to the reviewer");
		String cleanComment = problems.optional(comment, "comment", 4000);
		problems.check(!Boolean.FALSE.equals(approve) || cleanComment != null, "comment",
				"is required when returning a decision: tell the reviewer why");
		problems.throwIfAny();
		ReviewCase reviewCase = this.cases.require(id);
		requireStatus(reviewCase, CaseStatus.PENDING_APPROVAL, "approve a decision");
		Decision decision = this.cases.pendingDecision(id)
			.orElseThrow(() -> new ConflictException("No decision awaits approval."));
		if (approve) {
			reviewCase.approve(decision, approver.staffId(), cleanComment);
		}
		else {
			reviewCase.sendBack(decision, approver.staffId(), cleanComment);
		}
		this.cases.recordApproval(decision.id(), approver.staffId(), approve, cleanComment, now());
		save(reviewCase);
	}

	@Transactional
	public void askForInformation(RequestId id, String question, CurrentUser reviewer) {
		FieldProblems problems = new FieldProblems();
		String text = problems.required(question, "question", 4000);
		problems.throwIfAny();
		ReviewCase reviewCase = this.cases.require(id);
		reviewCase.askForInformation(reviewer.actor(), text);
		this.cases.insertQuestion(id, text, reviewer.staffId(), now());
		save(reviewCase);
	}

	/** The officer answers the open questions; the request goes back to review. */
	@Transactional
	public void answer(RequestId id, String answer, CurrentUser officer) {
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		FieldProblems problems = new FieldProblems();
		String text = problems.required(answer, "answer", 8000);
		problems.throwIfAny();
		ReviewCase reviewCase = ownCase(id, active);
		reviewCase.informationProvided(officer.actor());
		this.cases.answerOpenQuestions(id, text, officer.id(), now());
		save(reviewCase);
	}

	@Transactional
	public void withdraw(RequestId id, String reason, CurrentUser officer) {
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		FieldProblems problems = new FieldProblems();
		String text = problems.optional(reason, "reason", 4000);
		problems.throwIfAny();
		ReviewCase reviewCase = ownCase(id, active);
		reviewCase.withdraw(officer.actor(), text);
		save(reviewCase);
	}

	@Override
	@Transactional(readOnly = true)
	public String statusOf(RequestId id) {
		return this.jdbc.sql("SELECT status FROM review_case WHERE request_id = ?")
			.param(id.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("No request with this id."));
	}

	/** Another agency's request does not exist, as far as an officer can tell. */
	private ReviewCase ownCase(RequestId id, ActiveOfficer officer) {
		ReviewCase reviewCase = this.cases.require(id);
		if (!reviewCase.agencyId().equals(officer.agencyId())) {
			throw new NotFoundException("No request with this id.");
		}
		return reviewCase;
	}

	private static void requireStatus(ReviewCase reviewCase, CaseStatus status, String action) {
		if (reviewCase.status() != status) {
			throw new ConflictException("Cannot " + action + ": request " + reviewCase.caseNumber() + " is "
					+ reviewCase.status() + ", not " + status + ".");
		}
	}

	private void save(ReviewCase reviewCase) {
		this.cases.save(reviewCase, now());
		reviewCase.events().forEach(this.events::publishEvent);
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
