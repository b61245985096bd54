package org.custodian.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.custodian.support.Policies;
import org.custodian.support.TestMail;
import org.custodian.support.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A request's journey in a real browser (Debian's Chromium): an officer registers, enrols
 * an authenticator, submits a request with a PDF and follows it; a reviewer and an
 * approver take it to a decision. Screenshots of the main pages go to
 * {@code target/screenshots/}.
 */
class RequestJourneyBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void officerSubmitsAndReviewerAndApproverDecide() {
		World.Agency agency = this.world.agency("US");
		String email = "j.doe@cyber." + agency.domain();

		Page officer = context("Asia/Hong_Kong").newPage();
		officerRegisters(officer, email);
		String caseNumber = officerSubmits(officer);
		reviewerProposes(caseNumber);
		approverApproves(caseNumber);

		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
		// The production job may already have taken it further.
		assertThat(officer.locator(".page-head .status")).hasText(Pattern.compile("Approved|Producing|Produced"));
		assertThat(officer.locator("main")).containsText("A valid 2703(d) order; scope is narrow.");
		shot(officer, "portal-request-decided");

		for (int i = 0; i < 120 && !officer.locator(".page-head .status").textContent().contains("Produced"); i++) {
			officer.waitForTimeout(500);
			officer.reload();
		}
		assertThat(officer.locator("#production")).containsText("Download the package");
		shot(officer, "portal-production");
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the passphrase")).click();
		assertThat(officer.locator("#passphrase")).not().isEmpty();
		assertThat(officer.locator("main")).containsText("shown once");
	}

	@Test
	void oneAdministratorProposesASecondConfirmsAPauseAndTheOfficerReadsWhy() {
		World.Agency agency = this.world.agency("HK");
		String email = "inspector@" + agency.domain();
		Page officer = context("Asia/Hong_Kong").newPage();
		officerRegisters(officer, email);
		String caseNumber = officerSubmits(officer);

		Page admin = staff("Europe/Dublin", "POLICY_ADMIN");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pauses")).click();
		assertThat(admin.locator("h1")).hasText("Jurisdiction pauses");
		admin.getByLabel("Jurisdiction", new Page.GetByLabelOptions().setExact(true)).fill("HK");
		admin.getByLabel("Requests", new Page.GetByLabelOptions().setExact(true)).selectOption("FROM_AUTHORITIES");
		admin.getByLabel("Effective from (UTC, may be in the past)").fill("2020-06-30T15:00:00Z");
		admin.getByLabel("Reason, as officers will read it")
			.fill("Pending formal human rights due diligence on the National Security Law.");
		admin.getByLabel("Lifting condition").fill("Consultations with human rights experts are concluded");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview what it would hold")).click();
		assertThat(admin.locator("#preview")).containsText("Enacting it now would hold");
		shot(admin, "console-pause-preview");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose this pause")).click();
		assertThat(admin.getByRole(AriaRole.STATUS).first()).containsText("Pause proposed");
		assertThat(admin.locator("#proposals")).containsText("You proposed it");
		assertThat(admin.locator("#proposals")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm and enact"))).hasCount(0);

		Page second = staff("Europe/Dublin", "POLICY_ADMIN");
		second.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pauses")).click();
		assertThat(second.locator("#proposals")).containsText("Pending formal human rights due diligence");
		shot(second, "console-pause-proposed");
		second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and enact")).click();
		assertThat(second.getByRole(AriaRole.STATUS).first()).containsText("Pause enacted");
		assertThat(second.locator("table")).containsText("Pending formal human rights due diligence");
		shot(second, "console-pauses");

		officer.navigate(url("/portal/requests"));
		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
		assertThat(officer.locator(".page-head .status")).hasText("On hold");
		assertThat(officer.locator("main")).containsText("Requests from authorities of HK are paused");
		assertThat(officer.locator("main")).containsText("Consultations with human rights experts are concluded");
		shot(officer, "portal-request-held");
	}

	@Test
	void ownerDelegatesAndTheColleagueRepliesFromMyRequests() {
		World.Agency agency = this.world.agency("US");
		Page owner = context("Asia/Hong_Kong").newPage();
		officerRegisters(owner, "owner@" + agency.domain());
		String caseNumber = officerSubmits(owner);
		Page colleague = context("Europe/Berlin").newPage();
		String colleagueEmail = "colleague@" + agency.domain();
		officerRegisters(colleague, colleagueEmail);
		assertThat(colleague.locator("main")).not().containsText(caseNumber);

		owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
		owner.getByLabel("Colleague's official e-mail address").fill("someone@elsewhere.example");
		owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give access")).click();
		assertThat(owner.locator("#error-email")).hasText("is not an active officer of your agency");
		assertThat(owner.getByLabel("Colleague's official e-mail address")).hasValue("someone@elsewhere.example");
		owner.getByLabel("Colleague's official e-mail address").fill(colleagueEmail);
		owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give access")).click();
		assertThat(owner.getByRole(AriaRole.STATUS).first()).containsText("now has access to this request");
		assertThat(owner.locator("#delegation")).containsText(colleagueEmail);
		shot(owner, "portal-delegation");

		String id = this.jdbc.sql("SELECT request_id::text FROM review_case WHERE case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single();
		this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/questions",
					Map.of("question", "Which of the two numbers is the suspect's?"));
		colleague.navigate(url("/portal/requests"));
		assertThat(colleague.locator("table")).containsText("Delegated to you");
		colleague.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
		assertThat(colleague.locator("main")).containsText("Which of the two numbers is the suspect's?");
		colleague.getByLabel("Your reply").fill("The +1 202 number.");
		colleague.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the reply")).click();
		assertThat(colleague.locator(".page-head .status")).hasText("In review");
		assertThat(colleague.locator("main")).containsText("The +1 202 number.");
		shot(colleague, "portal-delegated-reply");
	}

	@AfterEach
	void liftPauses() {
		Policies.liftAll(this.jdbc);
	}

	private void officerRegisters(Page officer, String email) {
		officer.navigate(url("/portal"));
		assertThat(officer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Law-enforcement request portal");
		shot(officer, "portal-home");
		officer.navigate(url("/portal?lang=zh-TW"));
		assertThat(officer.locator("h1")).hasText("執法請求入口網站");
		shot(officer, "portal-home-zh-TW");
		officer.navigate(url("/portal?lang=en"));

		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register").setExact(true))
			.first()
			.click();
		officer.getByLabel("Official e-mail address").fill(email);
		officer.getByLabel("Full name").fill("Jane Doe");
		officer.getByLabel("Rank or title (optional)").fill("Detective");
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
		assertThat(officer.locator("h1")).hasText("Check your e-mail");

		officer.navigate(TestMail.linkTo(email));
		assertThat(officer.locator("h1")).hasText("Choose your password");
		officer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(WebAccounts.PASSWORD);
		officer.getByLabel("Password again").fill(WebAccounts.PASSWORD);
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and set the password")).click();
		assertThat(officer.getByRole(AriaRole.STATUS)).containsText("Your address is confirmed");
		officer.getByRole(AriaRole.MAIN)
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in"))
			.click();
		signIn(officer, email, "");
		enrol(officer);
		assertThat(officer.locator("h1")).hasText("My requests");
	}

	private String officerSubmits(Page officer) {
		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Submit a request")).first().click();
		officer.getByLabel("Legal instrument").selectOption("COURT_ORDER");
		officer.getByLabel("Identifier 1", new Page.GetByLabelOptions().setExact(true)).fill("suspect01");
		officer.getByLabel("Period from").fill("2020-07-01");
		officer.getByLabel("Period to").fill("2020-01-01");
		officer.getByLabel("Offence under investigation").fill("Wire fraud");
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the request")).click();
		assertThat(officer.locator(".error-summary")).containsText("is required for legal process");
		assertThat(officer.getByLabel("Identifier 1", new Page.GetByLabelOptions().setExact(true)))
			.hasValue("suspect01");
		assertThat(officer.getByLabel("Offence under investigation")).hasValue("Wire fraud");
		shot(officer, "portal-submission-errors");

		officer.getByLabel("Legal basis").fill("18 U.S.C. § 2703(d)");
		officer.getByLabel("Period from").fill("2020-01-01");
		officer.getByLabel("Period to").fill("2020-06-30");
		officer.getByLabel("Basic subscriber information").check();
		officer.getByLabel("Non-content records").check();
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another identifier")).click();
		officer.getByLabel("Identifier 3", new Page.GetByLabelOptions().setExact(true)).fill("+1 202 555 0199");
		officer.getByLabel("Identifier 3: kind").selectOption("PHONE");
		officer.getByLabel("Signed legal document (PDF, up to 20 MB)")
			.setInputFiles(new FilePayload("order.pdf", "application/pdf", PDF));
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the request")).click();
		assertThat(officer.getByRole(AriaRole.STATUS).first()).containsText("has been received");
		assertThat(officer.locator("main")).containsText("order.pdf");
		assertThat(officer.locator("main")).containsText("+1 202 555 0199");
		String caseNumber = officer.locator("h1").textContent().trim();

		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My requests")).first().click();
		assertThat(officer.locator("table")).containsText(caseNumber);
		assertThat(officer.locator("table")).containsText("In review");
		shot(officer, "portal-my-requests");
		return caseNumber;
	}

	private void reviewerProposes(String caseNumber) {
		Page reviewer = staff("Europe/London", "REVIEWER");
		assertThat(reviewer.locator("h1")).hasText("Queue");
		// The filters apply themselves through htmx once it has loaded (otherwise with
		// Apply).
		reviewer.waitForFunction("() => window.htmx !== undefined");
		reviewer.getByLabel("Kind").selectOption("LEGAL_PROCESS");
		assertThat(reviewer).hasURL(java.util.regex.Pattern.compile(".*type=LEGAL_PROCESS.*"));
		reviewer.getByLabel("Order").selectOption("newest");
		assertThat(reviewer).hasURL(java.util.regex.Pattern.compile(".*type=LEGAL_PROCESS.*sort=newest.*"));
		assertThat(reviewer.getByLabel("Order")).hasValue("newest");
		assertThat(reviewer.locator("table")).containsText(caseNumber);
		shot(reviewer, "console-queue");
		reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
		assertThat(reviewer.locator("#timeline")).containsText("The request was submitted.");
		for (String consideration : List.of("Legality", "Legitimate aim", "Necessity", "Proportionality",
				"Competent authority", "Company policy", "Human rights")) {
			var group = reviewer.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(consideration));
			group.getByLabel("Satisfied", new Locator.GetByLabelOptions().setExact(true)).check();
			group.getByRole(AriaRole.TEXTBOX).fill("Checked: " + consideration.toLowerCase());
		}
		reviewer.getByLabel("Proposed outcome").selectOption("DISCLOSE");
		reviewer.locator("#field-categories").getByLabel("Basic subscriber information").check();
		reviewer.locator("#field-categories").getByLabel("Non-content records").check();
		reviewer.getByLabel("Reasoning, as the agency will read it").fill("A valid 2703(d) order; scope is narrow.");
		reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose the decision")).click();
		assertThat(reviewer.getByRole(AriaRole.STATUS).first()).containsText("awaits approval");
		assertThat(reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve"))).hasCount(0);
	}

	private void approverApproves(String caseNumber) {
		Page approver = staff("America/New_York", "APPROVER");
		approver.navigate(url("/console/cases?status=PENDING_APPROVAL&sort=newest"));
		approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
		assertThat(approver.locator(".case-actions")).containsText("Approval by a second person");
		assertThat(approver.locator("#timeline")).containsText("A decision was proposed.");
		shot(approver, "console-case");
		approver.getByLabel("Comment").fill("Agreed.");
		approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
		assertThat(approver.locator(".page-head .status")).hasText(Pattern.compile("Approved|Producing|Produced"));
	}

}
