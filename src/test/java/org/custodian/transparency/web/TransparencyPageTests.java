package org.custodian.transparency.web;

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

}
