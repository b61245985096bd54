package org.custodian.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadlinesTests {

	private static final Instant RECEIVED = Instant.parse("2026-03-10T22:30:00Z");

	private final Deadlines rules = new Deadlines(null, null, null, Map.of("de", Duration.ofDays(14)), null, null, null,
			null);

	@Test
	void anEmergencyIsDueWithinHoursAndAPreservationWithinADay() {
		assertThat(this.rules.dueAt(RequestType.EMERGENCY, Jurisdiction.of("DE"), null, RECEIVED))
			.isEqualTo(RECEIVED.plus(Duration.ofHours(4)));
		assertThat(this.rules.dueAt(RequestType.PRESERVATION, Jurisdiction.of("DE"), null, RECEIVED))
			.isEqualTo(RECEIVED.plus(Duration.ofDays(1)));
	}

	@Test
	void legalProcessIsDueAtTheEndOfItsReturnDateInUtcElseByItsJurisdictionsDefault() {
		assertThat(
				this.rules.dueAt(RequestType.LEGAL_PROCESS, Jurisdiction.of("US"), LocalDate.of(2026, 3, 20), RECEIVED))
			.isEqualTo(Instant.parse("2026-03-21T00:00:00Z"));
		assertThat(this.rules.dueAt(RequestType.LEGAL_PROCESS, Jurisdiction.of("DE"), null, RECEIVED))
			.isEqualTo(RECEIVED.plus(Duration.ofDays(14)));
		assertThat(this.rules.dueAt(RequestType.LEGAL_PROCESS, Jurisdiction.of("US"), null, RECEIVED))
			.isEqualTo(RECEIVED.plus(Duration.ofDays(30)));
	}

	@Test
	void refusesADefaultForSomethingThatIsNotAJurisdiction() {
		assertThatThrownBy(
				() -> new Deadlines(null, null, null, Map.of("Germany", Duration.ofDays(14)), null, null, null, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Germany");
	}

}
