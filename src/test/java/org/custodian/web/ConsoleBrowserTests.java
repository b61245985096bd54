package org.custodian.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.custodian.duediligence.Assessments;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's due-diligence pages and the overdue queue in a real browser.
 */
class ConsoleBrowserTests extends BrowserTest {

	private static final Map<String, String> RIGHTS = Map.of("privacy", "privacy", "expression",
			"freedom of expression", "assembly", "freedom of assembly", "fairTrial", "a fair trial", "liberty",
			"liberty");

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeadConcludesAnAssessmentAndASecondLeadSignsItOff() {
		Page lead = staff("Asia/Hong_Kong", "HUMAN_RIGHTS_LEAD");
		lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Due diligence")).click();
		assertThat(lead.locator("h1")).hasText("Due-diligence assessments");
		lead.getByLabel("Jurisdiction").fill("NR");
		lead.getByLabel("Subject").fill("National Security Law, browser journey");
		lead.getByLabel("Date of the trigger (e.g. the law's commencement)").fill("2020-06-30");
		lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the assessment")).click();
		assertThat(lead.locator(".page-head .status")).hasText("Open");

		lead.getByLabel("Expert", new Page.GetByLabelOptions().setExact(true)).fill("Prof. A. Lee");
		lead.getByLabel("Organisation").fill("University human rights centre");
		lead.getByLabel("Date of the consultation").fill("2020-07-02");
		lead.getByLabel("What the expert advised").fill("The offences are vague; expect use against journalists.");
		lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the consultation")).click();
		assertThat(lead.getByRole(AriaRole.STATUS).first()).containsText("consultation has been recorded");

		for (String right : Assessments.RIGHTS) {
			lead.getByLabel("Risk to " + RIGHTS.get(right), new Page.GetByLabelOptions().setExact(true))
				.selectOption("HIGH");
			lead.getByLabel("Finding on " + RIGHTS.get(right), new Page.GetByLabelOptions().setExact(true))
				.fill("High risk to " + RIGHTS.get(right) + " under the new offences.");
		}
		lead.getByLabel("Decision", new Page.GetByLabelOptions().setExact(true)).selectOption("MAINTAIN_PAUSE");
		lead.getByLabel("Rationale").fill("Requests cannot be assessed case by case while the offences stay vague.");
		lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Conclude the assessment")).click();
		assertThat(lead.locator(".page-head .status")).hasText("Awaiting sign-off");
		assertThat(lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off the conclusion")))
			.hasCount(0);
		shot(lead, "console-assessment");

		Page second = staff("Europe/Zurich", "HUMAN_RIGHTS_LEAD");
		second.navigate(lead.url());
		second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off the conclusion")).click();
		assertThat(second.locator(".page-head .status")).hasText("Signed off");
		second.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Due-diligence assessments")).click();
		assertThat(second.locator("table")).containsText("National Security Law, browser journey");
		shot(second, "console-assessments");
	}

	@Test
	void theQueueShowsOnlyOverdueCasesWhenAsked() {
		Person officer = this.world.officer(this.world.agency("NR"));
		String overdue = disclosedEmergency(officer);
		this.jdbc
			.sql("UPDATE emergency_follow_up SET due_at = due_at - interval '31 days' "
					+ "WHERE emergency_request_id = ?::uuid")
			.param(overdue)
			.update();
		String other = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		Page reviewer = staff("Europe/London", "REVIEWER");
		reviewer.waitForFunction("() => window.htmx !== undefined");
		reviewer.getByLabel("Jurisdiction").fill("NR");
		reviewer.getByLabel("Jurisdiction").press("Enter");
		assertThat(reviewer.locator("table")).containsText(caseNumber(other));
		reviewer.getByLabel("Only overdue").check();
		assertThat(reviewer).hasURL(Pattern.compile(".*overdue=true.*"));
		assertThat(reviewer.locator("table")).containsText(caseNumber(overdue));
		assertThat(reviewer.locator("table")).containsText("Follow-up overdue");
		assertThat(reviewer.locator("table")).not().containsText(caseNumber(other));
		assertThat(reviewer.locator("#overdue-hint")).containsText("follow-up legal process");
		shot(reviewer, "console-queue-overdue");
	}

	@Test
	void oneProposesASecondConfirmsTheReportAndAnAuditorVerifiesIt() {
		this.world.submit(this.world.officer(this.world.agency("UY")),
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		String period = org.custodian.transparency.Period.of(java.time.Instant.now()).toString();
		Page proposer = staff("Europe/Brussels", "POLICY_ADMIN");
		proposer.navigate(url("/console/transparency"));
		proposer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose publishing " + period))
			.click();
		assertThat(proposer.locator("main")).containsText("Publication of " + period + " proposed");
		assertThat(proposer.locator("main")).containsText("You proposed it; another publisher confirms it.");

		// Four eyes: a second policy administrator confirms, and only then is it signed.
		Page confirmer = staff("Europe/Paris", "POLICY_ADMIN");
		confirmer.navigate(url("/console/transparency"));
		confirmer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and publish " + period))
			.first()
			.click();
		assertThat(confirmer.locator("main")).containsText("is published and signed");

		Page auditor = staff("America/Montevideo", "AUDITOR");
		auditor.navigate(url("/console/transparency"));
		auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).first().click();
		assertThat(auditor.locator("#verification")).containsText("Report verified: every check holds.");
		shot(auditor, "console-transparency-verified");
	}

	private String disclosedEmergency(Person officer) {
		String id = this.world.submit(officer,
				Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "EMAIL", "value", "DEV@mail.de.example")),
						"categories", List.of("BASIC_SUBSCRIBER"), "emergency",
						Map.of("threat", "Threat to life posted", "supervisorName", "Sgt. Caller", "supervisorPhone",
								"+674 557 1000")));
		this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		Person approver = this.world.staff("APPROVER");
		this.api.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		this.api.as(approver.token())
			.post("/api/v1/cases/" + id + "/emergency-verification",
					Map.of("calledNumber", "+852 2860 2000", "confirmed", true, "notes", "Duty officer confirmed"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "PRODUCED".equals(this.world.officerView(officer, id).path("status").asString()));
		return id;
	}

	private String caseNumber(String id) {
		return this.jdbc.sql("SELECT case_number FROM review_case WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

}
