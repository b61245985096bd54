package org.custodian.identity.security;

import java.time.Instant;
import java.util.UUID;

import org.custodian.support.MutableClock;
import org.custodian.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit counted in the database: two limiters (two nodes) on one database share each
 * address's count.
 */
class SignInRateLimitTests {

	@Test
	void refusesAnAddressOverTheLimitOnEveryNodeUntilTheWindowEnds() {
		TestDatabase database = TestDatabase.get();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), "");
		Flyway.configure().dataSource(dataSource).load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		MutableClock clock = new MutableClock(Instant.now());
		SignInRateLimit nodeA = new SignInRateLimit(jdbc, 3, clock, new StaticMessageSource());
		SignInRateLimit nodeB = new SignInRateLimit(jdbc, 3, clock, new StaticMessageSource());
		String address = "10.0.0." + UUID.randomUUID();
		String other = "10.0.1." + UUID.randomUUID();
		assertThat(nodeA.allow(address)).isTrue();
		assertThat(nodeB.allow(address)).isTrue();
		assertThat(nodeA.allow(address)).isTrue();
		assertThat(nodeB.allow(address)).as("the fourth attempt, on the other node").isFalse();
		assertThat(nodeA.allow(other)).isTrue();
		clock.advance(SignInRateLimit.WINDOW.plusSeconds(1));
		assertThat(nodeB.allow(address)).isTrue();
	}

}
