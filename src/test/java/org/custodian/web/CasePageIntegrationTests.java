package org.custodian.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page gives a reviewer what they decide on (issue 14): who asks (agency,
 * verification, record; officer), about whom (each target through the account directory,
 * with the other open requests about it), a warning when a pause in force matches, and a
 * timeline a person can read.
 */
class CasePageIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void liftPauses() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void theCasePageShowsAgencyOfficerAccountsAndThePauseThatWouldHoldTheOutcome() {
		World.Agency agency = this.world.agency("GH");
		Person officer = this.world.officer(agency);
		String username = account("PE");
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		String first = this.world.submit(officer, about(username, unknown));
		String second = this.world.submit(officer, about(username));
		Policies policies = new Policies(this.api, this.world);
		policies.enact(Policies.pause("PE", "ABOUT_USERS", List.of("PRODUCTION"), "ALL", null,
				"The new interception law is reviewed"));

		WebSession console = new WebSession(this.port);
		WebAccounts.staff(console, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		String page = console.get("/console/cases/" + first).body();
		assertThat(page).contains("Police " + agency.domain() + " (GH)", "Verified", "since ", "No earlier request",
				"Inspector Test, Inspector", "First request from this officer");
		assertThat(page).contains("Account found", username + ", based in PE.",
				"Other open requests about this account:", caseNumber(second), "No such account in the directory");
		assertThat(page).contains("A pause in force matches this request", "Pause of PE (About users who live there)",
				"It stops the Production stage.", "It will be reconsidered when: The new interception law is reviewed");

		String other = console.get("/console/cases/" + second).body();
		assertThat(other).contains("1 earlier request", caseNumber(first)).doesNotContain("First request from");

		JsonNode file = this.api.as(this.world.staff("REVIEWER").token()).get("/api/v1/cases/" + first).json();
		assertThat(file.path("agency").path("status").asString()).isEqualTo("VERIFIED");
		assertThat(file.path("officer").path("firstRequest").asBoolean()).isTrue();
		assertThat(file.path("accounts").get(0).path("homeJurisdiction").asString()).isEqualTo("PE");
		assertThat(file.path("accounts").get(1).path("found").asBoolean()).isFalse();
		assertThat(file.path("pausesInForce").get(0).path("jurisdiction").asString()).isEqualTo("PE");

		Policies.liftAll(this.jdbc);
		assertThat(console.get("/console/cases/" + first).body())
			.doesNotContain("A pause in force matches this request");
	}

	@Test
	void theTimelineNamesPeopleInSentencesAndFoldsTheViews() {
		Person officer = this.world.officer(this.world.agency("GH"));
		String id = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		WebSession console = new WebSession(this.port);
		WebAccounts.staff(console, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		for (int i = 0; i < 3; i++) {
			assertThat(console.get("/console/cases/" + id).status()).isEqualTo(200);
		}
		assertThat(console.post("/console/cases/" + id + "/assignment", Map.of()).status()).isEqualTo(302);

		String timeline = console.get("/console/cases/" + id + "/timeline").body();
		assertThat(timeline).contains("The request was submitted.", "Inspector Test, Inspector",
				"The request went to review.", "Custodian (automatic)",
				"The case was assigned to Staff reviewer (Reviewer).", "Staff reviewer (Reviewer)",
				"Viewed by Staff reviewer (Reviewer) ×3");
		assertThat(timeline).doesNotContain("request.", "staff ", "officer ");
		assertThat(timeline.split("Viewed by", -1)).as("one line for every view").hasSize(2);
		// The log itself keeps every read (ADR 0015).
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'request.viewed'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	private static Map<String, Object> about(String... usernames) {
		Map<String, Object> request = new HashMap<>(World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		request.put("targets",
				java.util.Arrays.stream(usernames).map((u) -> Map.of("kind", "USERNAME", "value", u)).toList());
		return request;
	}

	private String account(String home) {
		String username = "lima-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO platform_account (id, username, home_jurisdiction) VALUES (?, ?, ?)")
			.params(UUID.randomUUID().toString(), username, home)
			.update();
		return username;
	}

	private String caseNumber(String id) {
		return this.jdbc.sql("SELECT case_number FROM review_case WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

}
