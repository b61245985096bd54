package org.custodian.policy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PauseStateTests {

	private static final Instant DUE = Instant.parse("2020-07-07T09:00:00Z");

	@Test
	void anUrgentPauseAwaitsReviewUntilItsTimeAndIsOverdueAfter() {
		PauseState.Urgent urgent = new PauseState.Urgent("Cannot wait", DUE, null, null, null);

		assertThat(urgent.review(DUE.minusSeconds(1))).isEqualTo("AWAITING_REVIEW");
		assertThat(urgent.review(DUE)).isEqualTo("AWAITING_REVIEW");
		assertThat(urgent.review(DUE.plusSeconds(1))).isEqualTo("OVERDUE");
	}

	@Test
	void aReviewedUrgentPauseIsNeverOverdue() {
		PauseState.Urgent urgent = new PauseState.Urgent("Cannot wait", DUE, UUID.randomUUID(), DUE.plusSeconds(3600),
				null);

		assertThat(urgent.review(DUE.plusSeconds(7200))).isEqualTo("REVIEWED");
	}

}
