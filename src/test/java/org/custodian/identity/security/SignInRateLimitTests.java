package org.custodian.identity.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignInRateLimitTests {

	@Test
	void refusesAnAddressOverTheLimitUntilTheWindowEnds() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		SignInRateLimit limit = new SignInRateLimit(3, clock, new StaticMessageSource());
		assertThat(limit.allow("10.0.0.1")).isTrue();
		assertThat(limit.allow("10.0.0.1")).isTrue();
		assertThat(limit.allow("10.0.0.1")).isTrue();
		assertThat(limit.allow("10.0.0.1")).isFalse();
		assertThat(limit.allow("10.0.0.2")).isTrue();
		clock.now = clock.now.plus(SignInRateLimit.WINDOW).plusSeconds(1);
		assertThat(limit.allow("10.0.0.1")).isTrue();
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

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
			return this.now;
		}

	}

}
