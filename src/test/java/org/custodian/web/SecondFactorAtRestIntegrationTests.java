package org.custodian.web;

import java.time.Instant;
import java.util.Map;

import org.custodian.identity.Totp;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authenticator's secret is kept sealed under the master key: a copy of the database
 * does not give it away, and signing in with the app still works.
 */
class SecondFactorAtRestIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSecretIsStoredSealedAndStillChecksCodes() {
		World.Account account = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		String secret = WebAccounts.staff(new WebSession(this.port), account);

		String stored = this.jdbc.sql("SELECT secret FROM second_factor WHERE subject_id = ?::uuid")
			.param(account.id())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("sealed:").doesNotContain(secret);

		WebSession later = new WebSession(this.port);
		later.get("/console/login");
		WebSession.Page signedIn = later.post("/console/login", Map.of("email", account.email(), "password",
				WebAccounts.PASSWORD, "code", Totp.code(secret, Instant.now().plusSeconds(30))));
		assertThat(signedIn.location()).as(signedIn.toString()).endsWith("/console/cases");
	}

	@Test
	void aSecretStoredBeforeSealingStillWorksAndIsSealedOnUse() {
		World.Account account = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		String secret = WebAccounts.staff(new WebSession(this.port), account);
		this.jdbc.sql("UPDATE second_factor SET secret = ? WHERE subject_id = ?::uuid")
			.params(secret, account.id())
			.update();

		WebSession later = new WebSession(this.port);
		later.get("/console/login");
		WebSession.Page signedIn = later.post("/console/login", Map.of("email", account.email(), "password",
				WebAccounts.PASSWORD, "code", Totp.code(secret, Instant.now().plusSeconds(30))));
		assertThat(signedIn.location()).as(signedIn.toString()).endsWith("/console/cases");
		assertThat(this.jdbc.sql("SELECT secret FROM second_factor WHERE subject_id = ?::uuid")
			.param(account.id())
			.query(String.class)
			.single()).startsWith("sealed:");
	}

}
