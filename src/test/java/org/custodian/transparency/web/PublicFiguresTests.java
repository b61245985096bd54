package org.custodian.transparency.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.custodian.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages recompute their figures at most once per maximum age, however many
 * visitors come.
 */
class PublicFiguresTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));

	@Test
	void recomputesOnlyOnceTheFiguresAreOlderThanTheMaximumAge() {
		AtomicInteger computations = new AtomicInteger();
		PublicFigures.Cached<Integer> figures = new PublicFigures.Cached<>(computations::incrementAndGet,
				Duration.ofSeconds(60), this.clock);
		assertThat(figures.get()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(figures.get()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
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
