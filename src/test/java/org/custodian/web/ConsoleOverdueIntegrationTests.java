package org.custodian.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The queue's overdue filter: emergency disclosures whose follow-up legal process is past
 * its deadline.
 */
class ConsoleOverdueIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOverdueFilterShowsOnlyEmergenciesWhoseFollowUpIsLateAndPagesWithACursor() {
		World.Agency agency = this.world.agency("MT");
		Person officer = this.world.officer(agency);
		String first = disclosedEmergency(officer);
		String second = disclosedEmergency(officer);
		String notYetDue = disclosedEmergency(officer);
		thirtyDaysPass(first, second);
		String pending = this.world.submit(officer, emergency());
		String legal = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));

		WebSession console = new WebSession(this.port);
		WebAccounts.staff(console, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		WebSession.Page all = console.get("/console/cases?jurisdiction=MT&status=");
		assertThat(all.body()).contains(caseNumber(first), caseNumber(second), caseNumber(notYetDue),
				caseNumber(pending), caseNumber(legal), "Only overdue",
				"an emergency disclosure whose follow-up legal process was not named by its deadline");
		WebSession.Page overdue = console.get("/console/cases?jurisdiction=MT&overdue=true");
		assertThat(overdue.status()).isEqualTo(200);
		assertThat(overdue.body())
			.contains(caseNumber(first), caseNumber(second), "Follow-up overdue",
					"aria-describedby=\"overdue-hint\" checked=\"checked\"")
			.doesNotContain(caseNumber(notYetDue))
			.doesNotContain(caseNumber(pending))
			.doesNotContain(caseNumber(legal));

		Person reviewer = this.world.staff("REVIEWER");
		List<String> paged = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = this.api.as(reviewer.token())
				.get("/api/v1/cases?jurisdiction=MT&overdue=true&limit=1" + ((after != null) ? "&after=" + after : ""))
				.json();
			page.path("items").forEach((item) -> paged.add(item.path("id").asString()));
			after = page.path("next").isNull() || page.path("next").isMissingNode() ? null
					: page.path("next").asString();
		}
		while (after != null);
		assertThat(paged).containsExactly(first, second);

		String followUp = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		Api.Response linked = this.api.as(officer.token())
			.post("/api/v1/requests/" + followUp + "/emergency-follow-up", Map.of("emergencyRequestId", first));
		assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
		assertThat(console.get("/console/cases?jurisdiction=MT&overdue=true").body()).contains(caseNumber(second))
			.doesNotContain(caseNumber(first));
	}

	private String disclosedEmergency(Person officer) {
		String id = this.world.submit(officer, emergency());
		Api.Response proposed = this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		Person staff = this.world.staff("APPROVER");
		Api.Response approved = this.api.as(staff.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		Api.Response callback = this.api.as(staff.token())
			.post("/api/v1/cases/" + id + "/emergency-verification",
					Map.of("calledNumber", "+852 2860 2000", "confirmed", true, "notes", "Duty officer confirmed"));
		assertThat(callback.status()).as(callback.toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> assertThat(this.world.officerView(officer, id).path("status").asString())
				.isEqualTo("PRODUCED"));
		return id;
	}

	/**
	 * The follow-up deadline (30 days after the disclosure) passes for these emergencies:
	 * the test cannot wait a month, so their deadlines move a month back.
	 */
	private void thirtyDaysPass(String... emergencies) {
		for (String id : emergencies) {
			assertThat(this.jdbc
				.sql("UPDATE emergency_follow_up SET due_at = due_at - interval '31 days' "
						+ "WHERE emergency_request_id = ?::uuid")
				.param(id)
				.update()).isEqualTo(1);
		}
	}

	private static Map<String, Object> emergency() {
		return Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "EMAIL", "value", "DEV@mail.de.example")),
				"categories", List.of("BASIC_SUBSCRIBER"), "emergency", Map.of("threat", "Threat to life posted",
						"supervisorName", "Sgt. Caller", "supervisorPhone", "+356 2122 4001"));
	}

	private String caseNumber(String id) {
		return this.jdbc.sql("SELECT case_number FROM review_case WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

}
