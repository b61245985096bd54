package org.custodian.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.duediligence.Assessments;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due-diligence assessments in the console: a human-rights lead opens one, records a
 * consultation and concludes; only another lead signs it off; other staff only read.
 */
class ConsoleAssessmentIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void liftPauses() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void leadConcludesAndOnlyASecondLeadSignsOff() {
		WebSession author = lead();
		assertThat(author.get("/console/assessments").body()).contains("Due diligence", "Open an assessment");
		WebSession.Page bad = author.post("/console/assessments",
				Map.of("jurisdiction", "ZZZ", "subject", "Typed with care", "triggerDate", "30 June"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("value=\"Typed with care\"", "must be an ISO 3166-1 alpha-2 code",
				"is not a date of the form 2020-06-30");
		String path = open(author, "Bhutan's new security law");

		WebSession.Page early = author.post(path + "/conclusion", conclusion());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains("Consult at least one human-rights expert");
		WebSession.Page missing = author.post(path + "/consultations",
				Map.of("expert", "Prof. Typed", "organisation", "", "date", "2020-07-02", "summary", ""));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("value=\"Prof. Typed\"", "is required");
		assertThat(author
			.post(path + "/consultations",
					Map.of("expert", "Prof. Lee", "organisation", "Human Rights Council", "date", "2020-07-02",
							"summary", "Vague offences; expect misuse against journalists."))
			.status()).isEqualTo(302);
		assertThat(author.get(path).body()).contains("Prof. Lee", "Vague offences; expect misuse against journalists.");

		WebSession.Page incomplete = author.post(path + "/conclusion",
				Map.of("decision", "LIFT", "rationale", "A rationale typed with care"));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.body()).contains("A rationale typed with care", "id=\"error-findings-privacy-risk\"",
				"must be one of LOW, MEDIUM, HIGH, SEVERE");
		assertThat(author.post(path + "/conclusion", conclusion()).status()).isEqualTo(302);
		WebSession.Page concluded = author.get(path);
		assertThat(concluded.body()).contains("Awaiting sign-off", "Maintain the pause", "Risk to journalists")
			.contains("awaits sign-off by another human-rights lead")
			.doesNotContain("Sign off the conclusion");
		assertThat(author.post(path + "/sign-off", Map.of()).status()).isEqualTo(403);

		WebSession second = lead();
		assertThat(second.get(path).body()).contains("Sign off the conclusion");
		assertThat(second.post(path + "/sign-off", Map.of()).status()).isEqualTo(302);
		assertThat(second.get(path).body()).contains("Signed off").doesNotContain("Sign off the conclusion");
		String id = path.substring(path.lastIndexOf('/') + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action IN "
				+ "('assessment.opened', 'assessment.consultation-recorded', 'assessment.concluded', 'assessment.signed-off')")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void theLeadWhoConcludedCannotSignOffEvenIfAnotherOpenedIt() {
		WebSession author = lead();
		String path = open(author, "Emergency regulations");
		author.post(path + "/consultations", Map.of("expert", "Dr. Roe", "organisation", "Bar association", "date",
				"2020-07-03", "summary", "Proportionality doubtful."));
		WebSession concluder = lead();
		concluder.get(path);
		assertThat(concluder.post(path + "/conclusion", conclusion()).status()).isEqualTo(302);
		assertThat(concluder.get(path).body()).doesNotContain("Sign off the conclusion");
		assertThat(concluder.post(path + "/sign-off", Map.of()).status()).isEqualTo(403);
		assertThat(author.get(path).body()).doesNotContain("Sign off the conclusion");
		assertThat(lead().get(path).body()).contains("Sign off the conclusion");
	}

	@Test
	void otherStaffReadButDoNotChangeAndOfficersSeeNothing() {
		WebSession author = lead();
		String path = open(author, "Read-only check");
		WebSession reviewer = new WebSession(this.port);
		WebAccounts.staff(reviewer, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		WebSession.Page page = reviewer.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Read-only check").doesNotContain("Record the consultation");
		assertThat(reviewer.get("/console/assessments").body()).doesNotContain("Open the assessment");
		assertThat(reviewer
			.post("/console/assessments", Map.of("jurisdiction", "BT", "subject", "x", "triggerDate", "2020-06-30"))
			.status()).isEqualTo(403);
		assertThat(reviewer.post(path + "/consultations", Map.of("expert", "x")).status()).isEqualTo(403);
		assertThat(author.postRaw(path + "/sign-off", Map.of()).status()).isEqualTo(403);

		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, this.world.agency("BT"));
		assertThat(officer.get("/console/assessments").status()).isEqualTo(403);
		assertThat(officer.get(path).status()).isEqualTo(403);
	}

	@Test
	void thePausePageLinksTheAssessmentItsLiftingWaitsFor() {
		WebSession author = lead();
		String path = open(author, "Assessment a pause waits for");
		String id = path.substring(path.lastIndexOf('/') + 1);
		new Policies(this.api, this.world).enact(Map.of("jurisdiction", "BT", "match", "FROM_AUTHORITIES", "stages",
				List.of("REVIEW"), "appliesTo", "NEW_ONLY", "effectiveFrom", "2020-06-30T15:00:00Z", "reason",
				"Pending due diligence", "assessmentId", id, "exceptEmergencies", false));
		WebSession policy = new WebSession(this.port);
		WebAccounts.staff(policy, this.world.staffAccount(WebAccounts.PASSWORD, "POLICY_ADMIN"));
		assertThat(policy.get("/console/policy/pauses").body()).contains("href=\"/console/assessments/" + id + "\"",
				"Assessment: Open");
		assertThat(policy.get(path).status()).isEqualTo(200);
	}

	private WebSession lead() {
		WebSession web = new WebSession(this.port);
		WebAccounts.staff(web, this.world.staffAccount(WebAccounts.PASSWORD, "HUMAN_RIGHTS_LEAD"));
		return web;
	}

	private static String open(WebSession lead, String subject) {
		lead.get("/console/assessments");
		WebSession.Page opened = lead.post("/console/assessments",
				Map.of("jurisdiction", "BT", "subject", subject, "triggerDate", "2020-06-30"));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(302);
		return opened.location().replaceFirst("^https?://[^/]+", "");
	}

	private static Map<String, String> conclusion() {
		Map<String, String> form = new LinkedHashMap<>();
		for (String right : Assessments.RIGHTS) {
			form.put("findings." + right + ".risk", "HIGH");
			form.put("findings." + right + ".note", "Risk to journalists and protesters");
		}
		form.put("decision", "MAINTAIN_PAUSE");
		form.put("rationale", "The offences are too vague to assess requests case by case.");
		return form;
	}

}
