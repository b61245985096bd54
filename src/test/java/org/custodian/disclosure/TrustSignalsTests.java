package org.custodian.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.custodian.intake.Requests;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signals that make staff look twice at a request.
 */
class TrustSignalsTests {

	private static final Instant RECEIVED = Instant.parse("2020-08-01T12:00:00Z");

	private static final Duration THIRTY_DAYS = Duration.ofDays(30);

	@Test
	void flagsAnOfficersFirstEmergencyFromARecentlyAddedDomain() {
		assertThat(TrustSignals.of(history(RequestType.EMERGENCY, 0, 0, 1, 0), RECEIVED.minus(Duration.ofDays(3)),
				THIRTY_DAYS))
			.containsExactly("OFFICER_FIRST_REQUEST", "OFFICER_FIRST_EMERGENCY", "EMAIL_DOMAIN_RECENTLY_ADDED");
	}

	@Test
	void flagsNothingForAnEstablishedOfficer() {
		assertThat(TrustSignals.of(history(RequestType.EMERGENCY, 40, 3, 2, 60), RECEIVED.minus(Duration.ofDays(400)),
				THIRTY_DAYS))
			.isEmpty();
	}

	@Test
	void flagsVolumeAboveThreeTimesTheDailyAverage() {
		assertThat(TrustSignals.unusualVolume(31, 300)).isTrue();
		assertThat(TrustSignals.unusualVolume(30, 300)).isFalse();
	}

	@Test
	void neverFlagsASmallAgencysHandfulOfRequests() {
		assertThat(TrustSignals.unusualVolume(5, 0)).isFalse();
		assertThat(TrustSignals.unusualVolume(6, 0)).isTrue();
	}

	@Test
	void findsAFollowUpOverdueOnlyAfterItsDeadline() {
		assertThat(TrustSignals.overdue(RECEIVED, RECEIVED)).isFalse();
		assertThat(TrustSignals.overdue(RECEIVED, RECEIVED.plusSeconds(1))).isTrue();
	}

	private static Requests.History history(RequestType type, long prior, long priorEmergencies, long lastDay,
			long prior30) {
		return new Requests.History(type, new OfficerId(UUID.randomUUID()), RECEIVED, prior, priorEmergencies, lastDay,
				prior30);
	}

}
