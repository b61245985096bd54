package org.custodian.identity.security;

import java.time.Instant;

import org.custodian.support.MutableClock;
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
		clock.advance(SignInRateLimit.WINDOW.plusSeconds(1));
		assertThat(limit.allow("10.0.0.1")).isTrue();
	}

}
