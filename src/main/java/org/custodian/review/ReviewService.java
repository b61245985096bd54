package org.custodian.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodian.accounts.Account;
import org.custodian.accounts.AccountDirectory;
import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.agency.Sanctions;
import org.custodian.agency.SanctionsMatch;
import org.custodian.duediligence.RiskLevel;
import org.custodian.duediligence.RiskLevels;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.identity.StaffAccounts;
import org.custodian.intake.IntakeService.Upload;
import org.custodian.intake.LegalDocument;
import org.custodian.intake.RequestStatuses;
import org.custodian.intake.RequestSubmitted;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.policy.CategoryFinding;
import org.custodian.policy.LegalTierPolicy;
import org.custodian.policy.PauseStage;
import org.custodian.policy.PolicyOutcome;
import org.custodian.policy.RequestFacts;
import org.custodian.policy.TierQuestion;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
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

	/** The stored (English) reason of a compliance hold; pages show their own message. */
	public static final String COMPLIANCE_HOLD = "Your request is held for a compliance review before it can be reviewed.";

	private final Cases cases;

	private final Holds holds;

	private final Requests requests;

	private final AccountDirectory accounts;

	private final Sanctions sanctions;

	private final PauseEnforcement enforcement;

	private final RiskLevels risks;

	private final LegalTierPolicy tiers;

	private final StaffAccounts staff;

	private final Agencies agencies;

	private final Delegations delegations;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Deadlines deadlines;

	ReviewService(Deadlines deadlines, Cases cases, Holds holds, Requests requests, AccountDirectory accounts,
			Sanctions sanctions, PauseEnforcement enforcement, RiskLevels risks, LegalTierPolicy tiers,
			StaffAccounts staff, Agencies agencies, Delegations delegations, ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock) {
		this.cases = cases;
		this.holds = holds;
		this.requests = requests;
		this.accounts = accounts;
		this.sanctions = sanctions;
		this.enforcement = enforcement;
		this.risks = risks;
		this.tiers = tiers;
		this.staff = staff;
		this.agencies = agencies;
		this.delegations = delegations;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.deadlines = deadlines;
	}

	/**
	 * Opens a case for a new request and screens it, in the submission's transaction.
	 */
	@EventListener
	@Transactional
	public void on(RequestSubmitted submitted) {
		ReviewCase reviewCase = new ReviewCase(submitted.requestId(), submitted.caseNumber(), submitted.agencyId(),
				submitted.jurisdiction(), submitted.type(), submitted.instrument(), submitted.categories(),
				CaseStatus.RECEIVED, null, null, null);
		SubmittedRequest request = this.requests.find(submitted.requestId()).orElseThrow();
		List<Account> targetAccounts = this.accounts.resolveAll(request.targets()
			.stream()
			.map((target) -> new AccountDirectory.Identifier(target.kind(), target.value()))
			.toList());
		Set<Jurisdiction> targetJurisdictions = targetAccounts.stream()
			.map(Account::homeJurisdiction)
			.collect(Collectors.toSet());
		this.cases.insert(
				reviewCase, request.officerId(), targetJurisdictions, submitted.receivedAt(), this.deadlines
					.dueAt(submitted.type(), submitted.jurisdiction(), request.respondBy(), submitted.receivedAt()),
				request.agencyReference());
		this.cases.insertTargetAccounts(submitted.requestId(), targetAccounts.stream().map(Account::id).toList());
		reviewCase.startScreening();
		List<CategoryFinding> findings = this.tiers.screen(new TierQuestion(submitted.type(), submitted.instrument(),
				submitted.jurisdiction(), submitted.categories()));
		this.cases.saveScreening(submitted.requestId(), findings);
		Optional<SanctionsMatch> sanctioned = this.sanctions.screen(request.officerId());
		if (sanctioned.isPresent()) {
			this.cases.flagSanctions(submitted.requestId(), sanctioned.get().toJson());
			reviewCase.hold(COMPLIANCE_HOLD, null, Actor.SYSTEM);
		}
		else {
			applyPolicy(reviewCase, new RequestFacts(submitted.type(), submitted.instrument(), submitted.jurisdiction(),
					targetJurisdictions, submitted.receivedAt()));
		}
		save(reviewCase);
	}

	/**
	 * Screening's last step: a pause holds, an MLAT-only rule refuses, or the request
	 * goes on.
	 */
	private void applyPolicy(ReviewCase reviewCase, RequestFacts facts) {
		PolicyOutcome outcome = this.enforcement.evaluate(facts, PauseStage.REVIEW);
		if (outcome instanceof PolicyOutcome.Hold hold) {
			reviewCase.hold(hold.pause().officerMessage(), hold.pause().id(), Actor.SYSTEM);
		}
		else if (outcome instanceof PolicyOutcome.RequireMlat requireMlat) {
			reviewCase.requireMlat(requireMlat.message());
			this.cases.insertPolicyDecisions(List.of(reviewCase.id().value()), Outcome.REQUIRE_MLAT, null,
					requireMlat.message());
		}
		else if (reviewCase.type() == RequestType.PRESERVATION) {
			reviewCase.preserve();
		}
		else {
			reviewCase.startReview(Map.of());
		}
	}

	/**
	 * A policy administrator's verdict on a request held because its requester matches a
	 * sanctions list: release it to screening, or refuse it.
	 */
	@Transactional
	public void reviewSanctionsHold(RequestId id, Boolean release, String note, CurrentUser admin) {
		admin.require(Action.REVIEW_SANCTIONS_HOLD);
		FieldProblems problems = new FieldProblems();
		problems.check(release != null, "release", "is required: true to release for review, false to refuse");
		String text = problems.required(note, "note", 4000);
		problems.throwIfAny();
		ReviewCase reviewCase = this.cases.require(id);
		if (reviewCase.status() != CaseStatus.ON_HOLD || reviewCase.heldByPause() != null) {
			throw new ConflictException("Request " + reviewCase.caseNumber() + " is not on a compliance hold.");
		}
		if (release) {
			this.cases.clearSanctions(id);
			reviewCase.release(admin.actor(), text);
			applyPolicy(reviewCase, this.holds.facts(List.of(id.value())).get(id.value()));
		}
		else {
			reviewCase.refuse(admin.actor(), text);
			this.cases.insertPolicyDecisions(List.of(id.value()), Outcome.REJECT, RejectionReason.SANCTIONED_REQUESTER,
					text);
		}
		save(reviewCase);
	}

	/**
	 * A human-rights lead's assessment of one request, mandatory in HIGH-risk
	 * jurisdictions.
	 */
	@Transactional
	public void recordHumanRightsReview(RequestId id, String verdict, String note, CurrentUser lead) {
		lead.require(Action.RECORD_HUMAN_RIGHTS_REVIEW);
		HumanRightsFinding finding = HumanRightsFinding.check(verdict, note);
		ReviewCase reviewCase = this.cases.require(id);
		if (reviewCase.status().isFinal()) {
			throw new ConflictException("Request " + reviewCase.caseNumber() + " is " + reviewCase.status() + ".");
		}
		this.cases.saveHumanRightsReview(id, finding.verdict().name(), finding.note(), lead.staffId(), now());
		this.events.publishEvent(new CaseEvents.HumanRightsReviewed(id, lead.actor(), finding.verdict().name()));
	}

	/**
	 * Starts production of an approved request, unless a pause stops production now. A
	 * system transition (the production worker's): no surface calls it.
	 */
	@Transactional
	public void startProduction(RequestId id, Actor actor) {
		ReviewCase reviewCase = this.cases.require(id);
		this.enforcement.requireProductionAllowed(id);
		reviewCase.startProduction(actor);
		save(reviewCase);
	}

	/**
	 * Releases a built production, unless a pause stops production now: the second check,
	 * at the moment of release. A system transition, like {@link #startProduction}.
	 */
	@Transactional
	public void finishProduction(RequestId id, Actor actor) {
		ReviewCase reviewCase = this.cases.require(id);
		this.enforcement.requireProductionAllowed(id);
		reviewCase.produced(actor);
		save(reviewCase);
	}

	/** A preservation's period ended (the expiry job's system transition). */
	@Transactional
	public void expirePreservation(RequestId id) {
		ReviewCase reviewCase = this.cases.require(id);
		reviewCase.expirePreservation();
		save(reviewCase);
	}

	/**
	 * A preservation was produced through the legal-process request that followed it (a
	 * system transition, after the officer's reference).
	 */
	@Transactional
	public void convertPreservation(RequestId id, RequestId legalRequest) {
		ReviewCase reviewCase = this.cases.require(id);
		reviewCase.convertPreservation(legalRequest.toString());
		save(reviewCase);
	}

	@Transactional
	public void assign(RequestId id, UUID reviewerId, CurrentUser by) {
		by.require(Action.ASSIGN_CASE);
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
		reviewer.require(Action.PROPOSE_DECISION);
		ReviewCase reviewCase = this.cases.require(id);
		requireStatus(reviewCase, CaseStatus.IN_REVIEW, "propose a decision");
		if (this.risks.of(reviewCase.jurisdiction()) == RiskLevel.HIGH && !this.cases.hasHumanRightsReview(id)) {
			throw new ConflictException(
					reviewCase.jurisdiction().code() + " is a HIGH-risk jurisdiction: a human-rights "
							+ "lead must assess this request before a decision can be proposed.");
		}
		Decision decision = Decision.check(form, reviewCase.categories(), this.cases.screening(id), reviewer.staffId(),
				now());
		reviewCase.propose(decision);
		this.cases.insertDecision(id, decision);
		save(reviewCase);
	}

	/**
	 * The second person's verdict on the proposed decision: an approver, never the
	 * proposer (the case refuses that).
	 */
	@Transactional
	public void approve(RequestId id, Boolean approve, String comment, CurrentUser approver) {
		approver.require(Action.APPROVE_DECISION);
		Approval verdict = Approval.check(approve, comment,
				"is required when returning a decision: tell the reviewer why");
		String cleanComment = verdict.comment();
		ReviewCase reviewCase = this.cases.require(id);
		requireStatus(reviewCase, CaseStatus.PENDING_APPROVAL, "approve a decision");
		Decision decision = this.cases.pendingDecision(id)
			.orElseThrow(() -> new ConflictException("No decision awaits approval."));
		if (verdict.approved()) {
			reviewCase.approve(decision, approver.staffId(), cleanComment);
			if (reviewCase.status() == CaseStatus.APPROVED) {
				holdIfProductionPaused(reviewCase);
			}
		}
		else {
			reviewCase.sendBack(decision, approver.staffId(), cleanComment);
		}
		this.cases.recordApproval(decision.id(), approver.staffId(), verdict.approved(), cleanComment, now());
		save(reviewCase);
	}

	@Transactional
	public void askForInformation(RequestId id, String question, CurrentUser reviewer) {
		reviewer.require(Action.ASK_FOR_INFORMATION);
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
		answer(id, answer, null, officer);
	}

	/**
	 * The officer answers the open questions, with a PDF attached to the reply (or null),
	 * checked as a request's document is and reported under {@code document}; the request
	 * goes back to review. The attachment, the answers and their audit event are one
	 * transaction: a refused reply stores nothing.
	 */
	@Transactional
	public void answer(RequestId id, String answer, Upload attachment, CurrentUser officer) {
		officer.require(Action.ANSWER_QUESTION);
		this.delegations.requireMayAct(id, officer);
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		FieldProblems problems = new FieldProblems();
		String text = problems.required(answer, "answer", 8000);
		LegalDocument document = (attachment != null)
				? LegalDocument.of(attachment.filename(), attachment.content(), problems) : null;
		problems.throwIfAny();
		ReviewCase reviewCase = ownCase(id, active);
		reviewCase.informationProvided(officer.actor(), (document != null) ? document.sha256() : null);
		UUID attached = (document != null) ? this.cases.insertAttachment(id, document, officer.id(), now()) : null;
		this.cases.answerOpenQuestions(id, text, attached, officer.id(), now());
		save(reviewCase);
	}

	@Transactional
	public void withdraw(RequestId id, String reason, CurrentUser officer) {
		officer.require(Action.WITHDRAW_REQUEST);
		this.delegations.requireMayAct(id, officer);
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		FieldProblems problems = new FieldProblems();
		String text = problems.optional(reason, "reason", 4000);
		problems.throwIfAny();
		ReviewCase reviewCase = ownCase(id, active);
		reviewCase.withdraw(officer.actor(), text);
		save(reviewCase);
	}

	/** An approval under a production pause is recorded, and the request held at once. */
	private void holdIfProductionPaused(ReviewCase reviewCase) {
		RequestFacts facts = this.holds.facts(List.of(reviewCase.id().value())).get(reviewCase.id().value());
		if (this.enforcement.evaluate(facts, PauseStage.PRODUCTION) instanceof PolicyOutcome.Hold hold) {
			reviewCase.hold(hold.pause().officerMessage(), hold.pause().id(), Actor.SYSTEM);
		}
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
