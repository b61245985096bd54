package org.custodian.web;

import java.util.HashMap;
import java.util.Map;

import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy administrator sets MLAT-only rules and risk levels in the console; other staff
 * cannot. Pauses and their liftings are proposed by one policy administrator and
 * confirmed by another; an urgent pause waits for another's review.
 */
class ConsolePolicyIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeRules() {
		this.jdbc.sql("DELETE FROM mlat_only_rule WHERE jurisdiction = 'BY'").update();
		Policies.liftAll(this.jdbc);
	}

	@Test
	void aSecondPolicyAdministratorConfirmsAPauseAndItsLiftingInTheConsole() {
		World.Person officer = this.world.officer(this.world.agency("MM"));
		String request = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		WebSession first = policyAdministrator();
		WebSession second = policyAdministrator();

		first.get("/console/policy/pauses");
		WebSession.Page proposed = first.post("/console/policy/pauses", Map.of("jurisdiction", "MM", "match",
				"FROM_AUTHORITIES", "stages", "REVIEW", "appliesTo", "ALL", "reason", "Pending due diligence"));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(302);
		String id = this.jdbc.sql("SELECT id::text FROM pause WHERE jurisdiction = 'MM' AND status = 'PROPOSED'")
			.query(String.class)
			.single();
		String confirmation = "/console/policy/pauses/" + id + "/confirmation";
		assertThat(first.get("/console/policy/pauses").body())
			.contains("Pause proposed: it holds nothing until another policy administrator confirms it.",
					"Proposed pauses", "You proposed it; another policy administrator confirms it.")
			.doesNotContain(confirmation);
		assertThat(status(officer, request)).isEqualTo("IN_REVIEW");
		assertThat(first.post(confirmation, Map.of()).status()).as("the service refuses the proposer").isEqualTo(403);
		assertThat(status(officer, request)).isEqualTo("IN_REVIEW");

		assertThat(second.get("/console/policy/pauses").body()).contains("action=\"" + confirmation + "\"",
				"Confirm and enact");
		assertThat(second.post(confirmation, Map.of()).status()).isEqualTo(302);
		assertThat(second.get("/console/policy/pauses").body())
			.contains("Pause enacted: 1 request is now on hold",
					"From its authorities</span> · <span>Review</span> · <span>All requests, including those in flight")
			.doesNotContain("FROM_AUTHORITIES</span>", "[REVIEW]");
		assertThat(status(officer, request)).isEqualTo("ON_HOLD");

		String lifting = "/console/policy/pauses/" + id + "/lifting";
		first.get("/console/policy/pauses");
		assertThat(first.post(lifting, Map.of("rationale", "The law was repealed")).status()).isEqualTo(302);
		assertThat(first.get("/console/policy/pauses").body())
			.contains("Lifting proposed:", "The law was repealed", "You proposed this lifting")
			.doesNotContain(lifting + "/confirmation");
		assertThat(first.post(lifting + "/confirmation", Map.of()).status()).isEqualTo(403);
		assertThat(status(officer, request)).isEqualTo("ON_HOLD");
		second.get("/console/policy/pauses");
		assertThat(second.post(lifting + "/confirmation", Map.of()).status()).isEqualTo(302);
		assertThat(second.get("/console/policy/pauses").body()).contains("Pause lifted: 1 request returned");
		assertThat(status(officer, request)).isEqualTo("IN_REVIEW");
	}

	@Test
	void anUrgentPauseIsListedAsAwaitingReviewForAnotherPolicyAdministrator() {
		World.Person officer = this.world.officer(this.world.agency("MN"));
		String request = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		WebSession first = policyAdministrator();
		WebSession second = policyAdministrator();
		first.get("/console/policy/pauses");
		Map<String, String> urgent = new HashMap<>(Map.of("jurisdiction", "MN", "match", "FROM_AUTHORITIES", "stages",
				"REVIEW", "appliesTo", "ALL", "reason", "Pending due diligence", "urgent", "true"));
		WebSession.Page noReason = first.post("/console/policy/pauses", urgent);
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(status(officer, request)).isEqualTo("IN_REVIEW");

		urgent.put("urgentReason", "Requests target protest organisers this week");
		assertThat(first.post("/console/policy/pauses", urgent).status()).isEqualTo(302);
		String id = this.jdbc.sql("SELECT id::text FROM pause WHERE jurisdiction = 'MN' AND status = 'IN_FORCE'")
			.query(String.class)
			.single();
		String review = "/console/policy/pauses/" + id + "/review";
		assertThat(first.get("/console/policy/pauses").body())
			.contains("Urgent pause enacted: 1 request is now on hold", "Urgent, awaiting review:",
					"Requests target protest organisers this week")
			.doesNotContain(review);
		assertThat(status(officer, request)).isEqualTo("ON_HOLD");

		assertThat(second.get("/console/policy/pauses").body()).contains("Urgent, awaiting review:", review);
		assertThat(second.post(review, Map.of("note", "Agreed")).status()).isEqualTo(302);
		assertThat(second.get("/console/policy/pauses").body()).contains("Urgent pause reviewed.", "Urgent, reviewed:")
			.doesNotContain(review);
	}

	private WebSession policyAdministrator() {
		WebSession web = new WebSession(this.port);
		WebAccounts.staff(web, this.world.staffAccount(WebAccounts.PASSWORD, "POLICY_ADMIN"));
		return web;
	}

	private String status(World.Person officer, String request) {
		return this.world.officerView(officer, request).path("status").asString();
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
