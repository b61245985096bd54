package org.custodian.transparency.web;

import java.time.Instant;
import java.util.List;

import org.custodian.transparency.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransparencyPageTests {

	@Test
	void showsCountsUnderTheThresholdAsABand() {
		TransparencyPageController.Band band = new TransparencyPageController.Band(10);
		assertThat(band.of(0)).isEqualTo("0–9");
		assertThat(band.of(9)).isEqualTo("0–9");
		assertThat(band.of(10)).isEqualTo("10");
		assertThat(new TransparencyPageController.Band(0).of(3)).isEqualTo("3");
	}

	@Test
	void opensOnTheNewestHalfYearThatHasEnded() {
		Instant now = Instant.parse("2026-11-24T12:00:00Z");
		List<Period> periods = List.of(Period.parse("2020-H2"), Period.parse("2021-H1"), Period.parse("2026-H2"));
		assertThat(TransparencyPageController.latestComplete(periods, now)).isEqualTo(Period.parse("2021-H1"));
		assertThat(TransparencyPageController.latestComplete(List.of(Period.parse("2026-H2")), now))
			.isEqualTo(Period.parse("2026-H2"));
		assertThat(TransparencyPageController.latestComplete(List.of(), now)).isEqualTo(Period.parse("2026-H2"));
		assertThat(TransparencyPageController.latestComplete(periods, Instant.parse("2027-01-01T00:00:00Z")))
			.isEqualTo(Period.parse("2026-H2"));
	}

}
