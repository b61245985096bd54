package org.custodian.demo;

import java.util.ArrayList;
import java.util.List;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile gives a newcomer a working world: printed accounts that work, requests
 * at several stages, an audit log that verifies. Without the replayed history here: its
 * pause of Hong Kong would reach the other tests' requests in the shared database
 * ({@link HongKongReplayTests} replays it in a database of its own).
 */
@ActiveProfiles("demo")
@TestPropertySource(properties = "custodian.demo.replay=false")
class DemoDataIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsAWorldThePrintedAccountsCanUse() {
		// The demo's own agencies' requests (the shared test database holds other tests'
		// cases too, so the queue's first page need not show the demo's).
		List<String> jurisdictions = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		for (String agency : List.of("hkpf", "fbi", "met", "bka")) {
			Api.Response requests = this.api.as("demo-token-0000000000000000000000-" + agency).get("/api/v1/requests");
			assertThat(requests.status()).isEqualTo(200);
			JsonNode items = requests.json().path("items");
			for (JsonNode item : items) {
				Api.Response file = this.api.as("demo-token-0000000000000000000000-reviewer")
					.get("/api/v1/cases/" + item.path("id").asString());
				assertThat(file.status()).isEqualTo(200);
				jurisdictions.add(file.json().path("jurisdiction").asString());
				statuses.add(file.json().path("status").asString());
			}
		}
		assertThat(jurisdictions).contains("HK", "US", "GB", "DE");
		assertThat(statuses).contains("IN_REVIEW", "PENDING_APPROVAL", "PRESERVED")
			.as("the approved warrant, unless its production already ran")
			.containsAnyOf("APPROVED", "PRODUCING", "PRODUCED");

		Api.Response mine = this.api.as("demo-token-0000000000000000000000-hkpf").get("/api/v1/requests");
		assertThat(mine.json().path("items").size()).isEqualTo(2);

		// Every account the demo's requests are about has records to produce or preserve.
		List<String> accounts = new ArrayList<>(
				List.of("harbour_lee", "kowloon.wong", "jdoe_nyc", "dc.protest.org", "london_calling", "berlin.bear"));
		DemoAgency.ALL.forEach((agency) -> accounts.addAll(agency.accounts()));
		for (String username : accounts) {
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM sample_record r JOIN platform_account a ON a.id = r.account_id
					WHERE a.username = ? AND r.category = 'CONTENT'""").param(username).query(Long.class).single())
				.as(username)
				.isPositive();
		}

		JsonNode verification = this.api.as("demo-token-0000000000000000000000-auditor")
			.get("/api/v1/audit/verification")
			.json();
		assertThat(verification.path("valid").asBoolean()).isTrue();
	}

}
