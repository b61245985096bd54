package org.custodian.disclosure;

import org.custodian.disclosure.Release.Facts;
import org.custodian.disclosure.Release.Safeguard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release gate's rule: each safeguard on its own, and how they combine.
 */
class ReleaseTests {

	private static final Facts ALL_HOLD = new Facts(true, null, false, false, 0);

	@Test
	void releasesWhenEverySafeguardHolds() {
		assertThat(Release.of(ALL_HOLD)).isInstanceOf(Release.Granted.class);
		assertThat(Release.of(new Facts(true, null, true, true, 0))).isInstanceOf(Release.Granted.class);
	}

	@Test
	void refusesWithoutFourEyesApproval() {
		Release release = Release.of(new Facts(false, null, false, false, 0));
		assertThat(release).isInstanceOf(Release.Refused.class);
		assertThat(release.unmet()).extracting(Release.Unmet::safeguard).containsExactly(Safeguard.FOUR_EYES);
		assertThat(release.reasons()).contains("approved by a second person");
	}

	@Test
	void refusesUnderAProductionPause() {
		Release release = Release.of(new Facts(true, "Hong Kong paused", false, false, 0));
		assertThat(release).isInstanceOf(Release.Refused.class);
		assertThat(release.reasons()).isEqualTo("production is paused: Hong Kong paused");
	}

	@Test
	void waitsForTheCallbackOfAnEmergency() {
		Release release = Release.of(new Facts(true, null, true, false, 0));
		assertThat(release).isInstanceOf(Release.Waiting.class);
		assertThat(release.unmet()).extracting(Release.Unmet::safeguard).containsExactly(Safeguard.EMERGENCY_CALLBACK);
	}

	@Test
	void waitsForTheUserNoticeToBeSent() {
		Release release = Release.of(new Facts(true, null, false, false, 2));
		assertThat(release).isInstanceOf(Release.Waiting.class);
		assertThat(release.reasons()).isEqualTo("waiting for the user notice to be sent to 2 targeted users");
	}

	@Test
	void aRefusalNamesWhatItWouldAlsoWaitFor() {
		Release release = Release.of(new Facts(true, "paused", true, false, 1));
		assertThat(release).isInstanceOf(Release.Refused.class);
		assertThat(release.unmet()).extracting(Release.Unmet::safeguard)
			.containsExactly(Safeguard.PRODUCTION_PAUSE, Safeguard.EMERGENCY_CALLBACK, Safeguard.USER_NOTICE);
	}

}
