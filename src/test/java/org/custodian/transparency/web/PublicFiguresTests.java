package org.custodian.transparency.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages recompute their figures at most once per maximum age, however many
 * visitors come.
 */
class PublicFiguresTests {

	private Instant now = Instant.parse("2026-11-24T12:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return PublicFiguresTests.this.now;
		}

	};

	@Test
	void recomputesOnlyOnceTheFiguresAreOlderThanTheMaximumAge() {
		AtomicInteger computations = new AtomicInteger();
		PublicFigures.Cached<Integer> figures = new PublicFigures.Cached<>(computations::incrementAndGet,
				Duration.ofSeconds(60), this.clock);
		assertThat(figures.get()).isEqualTo(1);
		this.now = this.now.plusSeconds(59);
		assertThat(figures.get()).isEqualTo(1);
		this.now = this.now.plusSeconds(1);
		assertThat(figures.get()).isEqualTo(2);
		assertThat(figures.get()).isEqualTo(2);
	}

	@Test
	void aMaximumAgeOfZeroRecomputesEveryTime() {
		AtomicInteger computations = new AtomicInteger();
		PublicFigures.Cached<Integer> figures = new PublicFigures.Cached<>(computations::incrementAndGet, Duration.ZERO,
				this.clock);
		assertThat(figures.get()).isEqualTo(1);
		assertThat(figures.get()).isEqualTo(2);
	}

}
