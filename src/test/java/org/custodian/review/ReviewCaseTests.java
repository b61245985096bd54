package org.custodian.review;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.review.Assessment.Consideration;
import org.custodian.review.Assessment.Finding;
import org.custodian.review.Assessment.Verdict;
import org.custodian.review.CaseEvents.RequestTransitioned;
import org.custodian.review.CaseEvents.ReviewerAssigned;
import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.ConflictException;
import org.custodian.shared.DataCategory;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.StaffId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The review aggregate: guarded transitions, four eyes, and the events it registers.
 */
class ReviewCaseTests {

	private static final Instant NOW = Instant.parse("2025-06-01T10:15:30Z");

	private final StaffId reviewer = StaffId.random();

	private final StaffId approver = StaffId.random();

	private final Actor officer = Actor.officer(OfficerId.random());

	@Test
	void screensAndThenReviewsANewRequest() {
		ReviewCase reviewCase = caseIn(CaseStatus.RECEIVED, null);

		reviewCase.startScreening();
		reviewCase.startReview(Map.of("screening", "BASIC_SUBSCRIBER:SUPPORTED"));

		assertThat(reviewCase.status()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(reviewCase.events()).containsExactly(
				new RequestTransitioned(reviewCase.id(), Actor.SYSTEM, "request.screening-started", CaseStatus.RECEIVED,
						CaseStatus.SCREENING, null, Map.of()),
				new RequestTransitioned(reviewCase.id(), Actor.SYSTEM, "request.review-started", CaseStatus.SCREENING,
						CaseStatus.IN_REVIEW, null, Map.of("screening", "BASIC_SUBSCRIBER:SUPPORTED")));
	}

	@Test
	void preservesAScreenedPreservationRequest() {
		ReviewCase reviewCase = caseIn(CaseStatus.SCREENING, null);

		reviewCase.preserve();

		assertThat(reviewCase.status()).isEqualTo(CaseStatus.PRESERVED);
		assertThat(onlyTransition(reviewCase).action()).isEqualTo("request.preserved");
	}

	@Test
	void refusesToScreenARequestTwice() {
		ReviewCase reviewCase = caseIn(CaseStatus.IN_REVIEW, null);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(reviewCase::startScreening)
			.withMessageContaining("IN_REVIEW")
			.withMessageContaining("SCREENING");
		assertThat(reviewCase.status()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(reviewCase.events()).isEmpty();
	}

	@Test
	void proposesADecisionForApproval() {
		ReviewCase reviewCase = caseIn(CaseStatus.IN_REVIEW, this.reviewer);

		reviewCase.propose(decision(Outcome.DISCLOSE, this.reviewer));

		assertThat(reviewCase.status()).isEqualTo(CaseStatus.PENDING_APPROVAL);
		RequestTransitioned transition = onlyTransition(reviewCase);
		assertThat(transition.from()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(transition.to()).isEqualTo(CaseStatus.PENDING_APPROVAL);
		assertThat(transition.action()).isEqualTo("request.decision-proposed");
		assertThat(transition.actor()).isEqualTo(Actor.staff(this.reviewer));
		assertThat(transition.reason()).isEqualTo("Court order covers subscriber data.");
		assertThat(transition.details()).containsEntry("outcome", "DISCLOSE")
			.containsEntry("from", "IN_REVIEW")
			.containsEntry("to", "PENDING_APPROVAL");
	}

	@Test
	void makesTheProposerOfAnUnassignedCaseItsAssignee() {
		ReviewCase reviewCase = caseIn(CaseStatus.IN_REVIEW, null);

		reviewCase.propose(decision(Outcome.DISCLOSE, this.reviewer));

		assertThat(reviewCase.assignee()).isEqualTo(this.reviewer);
	}

	@Test
	void refusesAProposalByAReviewerOtherThanTheAssignee() {
		ReviewCase reviewCase = caseIn(CaseStatus.IN_REVIEW, this.reviewer);

		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> reviewCase.propose(decision(Outcome.DISCLOSE, StaffId.random())));
		assertThat(reviewCase.status()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(reviewCase.assignee()).isEqualTo(this.reviewer);
		assertThat(reviewCase.events()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "NEEDS_INFO", "PENDING_APPROVAL", "APPROVED", "ON_HOLD", "REJECTED" })
	void refusesAProposalOutsideReview(CaseStatus status) {
		ReviewCase reviewCase = caseIn(status, this.reviewer);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> reviewCase.propose(decision(Outcome.DISCLOSE, this.reviewer)));
		assertThat(reviewCase.status()).isEqualTo(status);
		assertThat(reviewCase.events()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "DISCLOSE, APPROVED, request.approved", "DISCLOSE_PARTIAL, APPROVED, request.approved",
			"REJECT, REJECTED, request.rejected", "REQUIRE_MLAT, REJECTED, request.rejected",
			"NO_DATA, CLOSED, request.closed" })
	void endsAnApprovedDecisionInTheStatusItsOutcomeCallsFor(Outcome outcome, CaseStatus expected, String action) {
		ReviewCase reviewCase = caseIn(CaseStatus.PENDING_APPROVAL, this.reviewer);

		reviewCase.approve(decision(outcome, this.reviewer), this.approver, "Agreed");

		assertThat(reviewCase.status()).isEqualTo(expected);
		RequestTransitioned transition = onlyTransition(reviewCase);
		assertThat(transition.from()).isEqualTo(CaseStatus.PENDING_APPROVAL);
		assertThat(transition.to()).isEqualTo(expected);
		assertThat(transition.action()).isEqualTo(action);
		assertThat(transition.actor()).isEqualTo(Actor.staff(this.approver));
		assertThat(transition.reason()).isEqualTo("Agreed");
		assertThat(transition.extra()).containsEntry("outcome", outcome.name());
	}

	@Test
	void refusesApprovalByTheProposer() {
		ReviewCase reviewCase = caseIn(CaseStatus.PENDING_APPROVAL, this.reviewer);

		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> reviewCase.approve(decision(Outcome.DISCLOSE, this.reviewer), this.reviewer, "Mine"))
			.withMessageContaining("Four eyes");
		assertThat(reviewCase.status()).isEqualTo(CaseStatus.PENDING_APPROVAL);
		assertThat(reviewCase.events()).isEmpty();
	}

	@Test
	void refusesToSendBackByTheProposer() {
		ReviewCase reviewCase = caseIn(CaseStatus.PENDING_APPROVAL, this.reviewer);

		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(
				() -> reviewCase.sendBack(decision(Outcome.DISCLOSE, this.reviewer), this.reviewer, "Second thoughts"));
		assertThat(reviewCase.status()).isEqualTo(CaseStatus.PENDING_APPROVAL);
		assertThat(reviewCase.events()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "IN_REVIEW", "NEEDS_INFO", "APPROVED", "REJECTED", "CLOSED" })
	void refusesApprovalOfADecisionThatIsNotPending(CaseStatus status) {
		ReviewCase reviewCase = caseIn(status, this.reviewer);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> reviewCase.approve(decision(Outcome.DISCLOSE, this.reviewer), this.approver, "Agreed"));
		assertThat(reviewCase.status()).isEqualTo(status);
		assertThat(reviewCase.events()).isEmpty();
	}

	@Test
	void sendsADecisionBackToTheReviewer() {
		ReviewCase reviewCase = caseIn(CaseStatus.PENDING_APPROVAL, this.reviewer);

		reviewCase.sendBack(decision(Outcome.DISCLOSE, this.reviewer), this.approver, "Too broad");

		assertThat(reviewCase.status()).isEqualTo(CaseStatus.IN_REVIEW);
		RequestTransitioned transition = onlyTransition(reviewCase);
		assertThat(transition.action()).isEqualTo("request.decision-returned");
		assertThat(transition.from()).isEqualTo(CaseStatus.PENDING_APPROVAL);
		assertThat(transition.to()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(transition.reason()).isEqualTo("Too broad");
	}

	@Test
	void refusesToSendBackADecisionThatIsNotPending() {
		ReviewCase reviewCase = caseIn(CaseStatus.APPROVED, this.reviewer);

		assertThatExceptionOfType(ConflictException.class).isThrownBy(
				() -> reviewCase.sendBack(decision(Outcome.DISCLOSE, this.reviewer), this.approver, "Too late"));
		assertThat(reviewCase.status()).isEqualTo(CaseStatus.APPROVED);
	}

	@Test
	void asksTheOfficerAndResumesReviewOnTheAnswer() {
		ReviewCase reviewCase = caseIn(CaseStatus.IN_REVIEW, this.reviewer);

		reviewCase.askForInformation(Actor.staff(this.reviewer), "Which account?");
		assertThat(reviewCase.status()).isEqualTo(CaseStatus.NEEDS_INFO);
		reviewCase.informationProvided(this.officer, null);

		assertThat(reviewCase.status()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(reviewCase.events()).extracting((event) -> ((RequestTransitioned) event).action())
			.containsExactly("request.information-requested", "request.information-provided");
		assertThat(((RequestTransitioned) reviewCase.events().get(0)).reason()).isEqualTo("Which account?");
	}

	@Test
	void refusesAnAnswerNobodyAskedFor() {
		ReviewCase reviewCase = caseIn(CaseStatus.IN_REVIEW, this.reviewer);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> reviewCase.informationProvided(this.officer, null));
	}

	@ParameterizedTest
	@EnumSource(names = { "RECEIVED", "IN_REVIEW", "NEEDS_INFO", "PENDING_APPROVAL", "APPROVED", "PRESERVED" })
	void letsTheOfficerWithdrawBeforeProduction(CaseStatus status) {
		ReviewCase reviewCase = caseIn(status, this.reviewer);

		reviewCase.withdraw(this.officer, "Suspect identified");

		assertThat(reviewCase.status()).isEqualTo(CaseStatus.WITHDRAWN);
		RequestTransitioned transition = onlyTransition(reviewCase);
		assertThat(transition.from()).isEqualTo(status);
		assertThat(transition.to()).isEqualTo(CaseStatus.WITHDRAWN);
		assertThat(transition.action()).isEqualTo("request.withdrawn");
		assertThat(transition.actor()).isEqualTo(this.officer);
		assertThat(transition.reason()).isEqualTo("Suspect identified");
	}

	@ParameterizedTest
	@EnumSource(names = { "PRODUCING", "PRODUCED", "REJECTED", "CLOSED", "WITHDRAWN" })
	void refusesWithdrawalDuringOrAfterProductionOrOnceFinal(CaseStatus status) {
		ReviewCase reviewCase = caseIn(status, this.reviewer);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> reviewCase.withdraw(this.officer, "Never mind"));
		assertThat(reviewCase.status()).isEqualTo(status);
		assertThat(reviewCase.events()).isEmpty();
	}

	@Test
	void forgetsTheHoldReasonWhenLeavingHold() {
		ReviewCase reviewCase = new ReviewCase(RequestId.random(), "CR-2025-000001", AgencyId.random(),
				Jurisdiction.of("US"), RequestType.LEGAL_PROCESS, Instrument.COURT_ORDER,
				Set.of(DataCategory.BASIC_SUBSCRIBER), CaseStatus.ON_HOLD, "Litigation hold", null, null);

		reviewCase.withdraw(this.officer, null);

		assertThat(reviewCase.holdReason()).isNull();
	}

	@Test
	void assignsAReviewerAndRecordsWhoDidIt() {
		ReviewCase reviewCase = caseIn(CaseStatus.IN_REVIEW, null);
		Actor intake = Actor.staff(StaffId.random());

		reviewCase.assign(this.reviewer, intake);

		assertThat(reviewCase.assignee()).isEqualTo(this.reviewer);
		assertThat(reviewCase.status()).isEqualTo(CaseStatus.IN_REVIEW);
		assertThat(reviewCase.events())
			.containsExactly(new ReviewerAssigned(reviewCase.id(), intake, this.reviewer.toString()));
	}

	@ParameterizedTest
	@EnumSource(names = { "REJECTED", "CLOSED", "WITHDRAWN", "EXPIRED", "CONVERTED" })
	void refusesToAssignAReviewerToAFinishedCase(CaseStatus status) {
		ReviewCase reviewCase = caseIn(status, null);

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> reviewCase.assign(this.reviewer, Actor.SYSTEM));
		assertThat(reviewCase.assignee()).isNull();
		assertThat(reviewCase.events()).isEmpty();
	}

	private static ReviewCase caseIn(CaseStatus status, StaffId assignee) {
		return new ReviewCase(RequestId.random(), "CR-2025-000001", AgencyId.random(), Jurisdiction.of("US"),
				RequestType.LEGAL_PROCESS, Instrument.COURT_ORDER,
				Set.of(DataCategory.BASIC_SUBSCRIBER, DataCategory.NON_CONTENT), status, null, assignee, null);
	}

	private static Decision decision(Outcome outcome, StaffId proposer) {
		Map<Consideration, Finding> findings = new EnumMap<>(Consideration.class);
		for (Consideration consideration : Consideration.values()) {
			findings.put(consideration, new Finding(Verdict.SATISFIED, "Fine"));
		}
		Set<DataCategory> categories = outcome.discloses() ? Set.of(DataCategory.BASIC_SUBSCRIBER) : Set.of();
		RejectionReason rejection = (outcome == Outcome.REJECT) ? RejectionReason.OVERBROAD : null;
		return new Decision(UUID.randomUUID(), outcome, categories, "Court order covers subscriber data.", rejection,
				new Assessment(findings), proposer, NOW);
	}

	private static RequestTransitioned onlyTransition(ReviewCase reviewCase) {
		assertThat(reviewCase.events()).hasSize(1).first().isInstanceOf(RequestTransitioned.class);
		return (RequestTransitioned) reviewCase.events().get(0);
	}

}
