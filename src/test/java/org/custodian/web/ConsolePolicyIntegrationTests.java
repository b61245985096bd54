package org.custodian.web;

import java.util.Map;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy administrator sets MLAT-only rules and risk levels in the console; other staff
 * cannot.
 */
class ConsolePolicyIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeRules() {
		this.jdbc.sql("DELETE FROM mlat_only_rule WHERE jurisdiction = 'BY'").update();
	}

	@Test
	void policyAdministratorSetsMlatOnlyAndRiskLevels() {
		WebSession admin = new WebSession(this.port);
		WebAccounts.staff(admin, this.world.staffAccount(WebAccounts.PASSWORD, "POLICY_ADMIN"));
		WebSession.Page mlat = admin.post("/console/policy/mlat-only",
				Map.of("jurisdiction", "BY", "enabled", "true", "reason", "Answered through the treaty route only"));
		assertThat(mlat.status()).as(mlat.toString()).isEqualTo(302);
		WebSession.Page risk = admin.post("/console/policy/risk",
				Map.of("jurisdiction", "BY", "level", "HIGH", "reason", "Persecution of journalists"));
		assertThat(risk.status()).isEqualTo(302);
		WebSession.Page page = admin.get("/console/policy/pauses");
		assertThat(page.body()).contains("Answered through the treaty route only", "Persecution of journalists",
				"HIGH");

		WebSession.Page refused = admin.post("/console/policy/risk",
				Map.of("jurisdiction", "ZZ", "level", "HIGH", "reason", "x"));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(admin.get("/console/policy/pauses").body()).contains("ISO 3166-1");

		WebSession reviewer = new WebSession(this.port);
		WebAccounts.staff(reviewer, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		assertThat(reviewer.get("/console/policy/pauses").status()).isEqualTo(403);
		assertThat(reviewer.post("/console/policy/mlat-only", Map.of("jurisdiction", "BY")).status()).isEqualTo(403);
	}

}
