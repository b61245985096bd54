package org.custodian.review;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one table of allowed status transitions.
 */
class CaseStatusTests {

	@Test
	void sendsAReviewedRequestForApproval() {
		assertThat(CaseStatus.IN_REVIEW.canMoveTo(CaseStatus.PENDING_APPROVAL)).isTrue();
	}

	@Test
	void approvesAPendingDecision() {
		assertThat(CaseStatus.PENDING_APPROVAL.canMoveTo(CaseStatus.APPROVED)).isTrue();
	}

	@Test
	void letsAPendingDecisionEndInRejectionOrClosure() {
		assertThat(CaseStatus.PENDING_APPROVAL.canMoveTo(CaseStatus.REJECTED)).isTrue();
		assertThat(CaseStatus.PENDING_APPROVAL.canMoveTo(CaseStatus.CLOSED)).isTrue();
		assertThat(CaseStatus.PENDING_APPROVAL.canMoveTo(CaseStatus.IN_REVIEW)).isTrue();
	}

	@Test
	void allowsWithdrawalOfAnApprovedRequest() {
		assertThat(CaseStatus.APPROVED.canMoveTo(CaseStatus.WITHDRAWN)).isTrue();
	}

	@Test
	void refusesWithdrawalOnceProductionHasStarted() {
		assertThat(CaseStatus.PRODUCING.canMoveTo(CaseStatus.WITHDRAWN)).isFalse();
		assertThat(CaseStatus.PRODUCED.canMoveTo(CaseStatus.WITHDRAWN)).isFalse();
	}

	@Test
	void refusesToApproveARequestThatWasNeverReviewed() {
		assertThat(CaseStatus.RECEIVED.canMoveTo(CaseStatus.APPROVED)).isFalse();
		assertThat(CaseStatus.SCREENING.canMoveTo(CaseStatus.APPROVED)).isFalse();
		assertThat(CaseStatus.IN_REVIEW.canMoveTo(CaseStatus.APPROVED)).isFalse();
	}

	@Test
	void refusesToProduceDataWithoutApproval() {
		EnumSet<CaseStatus> canProduce = EnumSet.noneOf(CaseStatus.class);
		for (CaseStatus status : CaseStatus.values()) {
			if (status.canMoveTo(CaseStatus.PRODUCING)) {
				canProduce.add(status);
			}
		}
		assertThat(canProduce).containsExactly(CaseStatus.APPROVED);
	}

	@ParameterizedTest
	@EnumSource(names = { "REJECTED", "CLOSED", "WITHDRAWN", "EXPIRED", "CONVERTED" })
	void allowsNothingFromAFinalStatus(CaseStatus status) {
		assertThat(status.isFinal()).isTrue();
		assertThat(CaseStatus.allowedFrom(status)).isEmpty();
		for (CaseStatus next : CaseStatus.values()) {
			assertThat(status.canMoveTo(next)).as("%s -> %s", status, next).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "REJECTED", "CLOSED", "WITHDRAWN", "EXPIRED", "CONVERTED" }, mode = EnumSource.Mode.EXCLUDE)
	void letsEveryOtherStatusMoveOn(CaseStatus status) {
		assertThat(status.isFinal()).isFalse();
		assertThat(CaseStatus.allowedFrom(status)).isNotEmpty();
	}

	@ParameterizedTest
	@EnumSource(CaseStatus.class)
	void neverMovesToTheSameStatusOrBackToReceived(CaseStatus status) {
		assertThat(status.canMoveTo(status)).isFalse();
		assertThat(status.canMoveTo(CaseStatus.RECEIVED)).isFalse();
	}

	@Test
	void endsAPreservationByExpiryOrConversion() {
		assertThat(CaseStatus.allowedFrom(CaseStatus.PRESERVED)).containsExactlyInAnyOrder(CaseStatus.EXPIRED,
				CaseStatus.CONVERTED, CaseStatus.WITHDRAWN);
	}

}
