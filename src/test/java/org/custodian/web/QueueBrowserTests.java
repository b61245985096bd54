package org.custodian.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A reviewer's morning in a real browser (issue 14): the queue opens on what is open,
 * most urgent first, the emergency on top with its due time; the case page shows who
 * asks, the account and the pause that would hold the outcome; both at 390 px and 1280
 * px, where neither page may scroll sideways.
 */
class QueueBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void liftPauses() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void aReviewerSeesTheEmergencyFirstWithItsDueTimeAndTheCaseInContext() {
		World.Agency agency = this.world.agency("BR");
		Person officer = this.world.officer(agency);
		String username = "kampala-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO platform_account (id, username, home_jurisdiction) VALUES (?, ?, 'UG')")
			.params(UUID.randomUUID().toString(), username)
			.update();
		Map<String, Object> legal = new HashMap<>(World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		legal.put("targets", List.of(Map.of("kind", "USERNAME", "value", username)));
		String legalId = this.world.submit(officer, legal);
		String emergencyId = this.world.submit(officer,
				Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "USERNAME", "value", "school-threat")),
						"categories", List.of("BASIC_SUBSCRIBER"), "emergency",
						Map.of("threat", "Threat to attack a school within hours", "supervisorName", "Sgt. Souza",
								"supervisorPhone", "+55 61 2025 0000")));
		new Policies(this.api, this.world).enact(Policies.pause("UG", "ABOUT_USERS", List.of("PRODUCTION"), "ALL", null,
				"The court rules on the new law"));

		Page reviewer = staff("America/Sao_Paulo", "REVIEWER");
		reviewer.navigate(url("/console/cases?jurisdiction=BR"));
		Locator first = reviewer.locator("main table tbody tr").first();
		atBothWidths(reviewer, "console-queue-most-urgent-first", () -> {
			assertThat(first).containsText(caseNumber(emergencyId));
			assertThat(first.locator(".tag-emergency")).hasText("Emergency");
			assertThat(first.locator("td.due time")).isVisible();
			assertThat(first.locator("td.due time")).not().isEmpty();
			assertThat(reviewer.locator("main table tbody tr").nth(1)).containsText(caseNumber(legalId));
		});

		reviewer.getByText(caseNumber(legalId)).click();
		assertThat(reviewer.locator("h1")).hasText(caseNumber(legalId));
		atBothWidths(reviewer, "console-case-in-context", () -> {
			Locator who = reviewer.locator("#who-asks");
			assertThat(who).containsText("Police " + agency.domain() + " (BR)");
			assertThat(who).containsText("Verified");
			assertThat(who).containsText("Inspector Test, Inspector");
			assertThat(who).containsText("Account found");
			assertThat(who).containsText(username + ", based in UG.");
			assertThat(reviewer.locator(".pause-banner")).containsText("A pause in force matches this request");
			assertThat(reviewer.locator(".pause-banner")).containsText("Pause of UG");
			assertThat(reviewer.locator("#timeline")).containsText("The request was submitted.");
		});
	}

	private String caseNumber(String id) {
		return this.jdbc.sql("SELECT case_number FROM review_case WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

}
