package org.custodian.web;

import java.time.Instant;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.assertj.core.api.Assertions;
import org.custodian.notice.HolderNotices;
import org.custodian.removal.Holders;
import org.custodian.support.World;
import org.custodian.transparency.Period;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A removal request's whole journey in a real browser (Debian's Chromium), issue 12's
 * "done when": an officer submits three posts in the portal; a reviewer decides one
 * restricted in the jurisdiction, one removed everywhere, one left alone; a second person
 * approves; the sample platform withholds the first in the jurisdiction only and the
 * second everywhere; the holder's notice arrives, and its link opens the public appeal
 * page where the holder appeals; a third staff member restores the post on the console,
 * and the sample platform and the report's removal figures show it.
 */
class RemovalJourneyBrowserTests extends BrowserTest {

	/** Niue: no other test's requests, so the report's figures there are this one's. */
	private static final String WHERE = "NU";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HolderNotices notices;

	@Test
	void submittedDecidedApprovedNoticedAppealedAndRestored() {
		Holders holders = new Holders(this.jdbc);
		Holders.Holder holder = holders.holder(false);
		String restricted = holders.postBy(holder);
		String removed = holders.postBy(holders.holder(false));
		String kept = holders.postBy(holders.holder(false));

		Page officer = officer("Pacific/Niue", this.world.agency(WHERE));
		String caseNumber = submit(officer, restricted, removed, kept);
		String id = officer.url().replaceFirst(".*/portal/removals/", "").replaceFirst("[?#].*", "");

		Page reviewer = staff("Europe/London", "REVIEWER");
		reviewer.navigate(url("/console/removals"));
		reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNumber)).click();
		decide(reviewer, restricted, "RESTRICT_IN_JURISDICTION");
		decide(reviewer, removed, "REMOVE_GLOBALLY");
		decide(reviewer, kept, "NO_ACTION");
		reviewer.locator("tr[data-item='" + kept + "'] select[id^='noAction-']").selectOption("PROTECTED_EXPRESSION");
		for (String consideration : List.of("Legality", "Legitimate aim", "Necessity", "Proportionality",
				"Competent authority", "Company policy", "Human rights")) {
			Locator group = reviewer.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(consideration));
			group.getByLabel("Satisfied", new Locator.GetByLabelOptions().setExact(true)).check();
			group.getByRole(AriaRole.TEXTBOX).fill("Checked: " + consideration.toLowerCase());
		}
		reviewer.locator("#field-reason").fill("The first post names a judge's home address; the others do not.");
		reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Propose these decisions")).click();
		assertThat(reviewer.getByRole(AriaRole.STATUS).first()).containsText("a second person must approve");

		Page approver = staff("Asia/Tokyo", "APPROVER");
		approver.navigate(url("/console/removals/" + id));
		approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
		assertThat(approver.getByRole(AriaRole.STATUS).first()).containsText("approved and given effect");
		shot(approver, "console-removal-decided");

		Assertions.assertThat(seen(restricted, WHERE).path("visible").asBoolean()).as("withheld in Niue").isFalse();
		Assertions.assertThat(seen(restricted, "US").path("visible").asBoolean()).as("visible elsewhere").isTrue();
		Assertions.assertThat(seen(removed, "US").path("removed").asBoolean()).as("removed everywhere").isTrue();
		Assertions.assertThat(seen(kept, WHERE).path("visible").asBoolean()).isTrue();
		Assertions.assertThat(figures().path("itemsRestored").asLong()).isZero();
		Assertions.assertThat(figures().path("itemsRestrictedHere").asLong()).isEqualTo(1);

		this.notices.sendDue(Instant.now());
		String link = Holders.link(holders.awaitMail(holder, "restricted"));
		Page account = context("Pacific/Niue").newPage();
		account.navigate(link);
		assertThat(account.locator("h1")).hasText("Appeal a decision about your content");
		assertThat(account.locator("#appeal-effect")).hasText("Withheld from viewers in " + WHERE);
		assertThat(account.locator("#appeal-notice")).containsText(restricted);
		assertThat(account.locator("#appeal-ground")).containsText("Defamation Ordinance s. 21");
		shot(account, "appeal-page");
		account.getByLabel("Your appeal").fill("The address is my office's, published on the court's own site.");
		account.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File the appeal")).click();
		assertThat(account.locator("#appeal-filed")).containsText("Your appeal is filed");
		account.navigate(link);
		assertThat(account.locator("#appeal-closed")).containsText("already been used");

		reviewer.navigate(url("/console/removals/" + id));
		assertThat(reviewer.locator("#appeals")).containsText("another member of staff decides its appeal");
		assertThat(reviewer.locator("#appeals form")).hasCount(0);

		Page third = staff("America/New_York", "HUMAN_RIGHTS_LEAD");
		third.navigate(url("/console/removals/" + id));
		Locator appeal = third.locator("#appeals article");
		assertThat(appeal).containsText("Waiting for a decision");
		assertThat(appeal).containsText("published on the court's own site");
		appeal.getByLabel("Restore the content everywhere").check();
		appeal.getByLabel("Decision note").fill("The address is public and professional: protected expression.");
		shot(third, "console-appeal");
		appeal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Decide the appeal")).click();
		assertThat(third.getByRole(AriaRole.STATUS).first()).containsText("Appeal decided");
		assertThat(third.locator("#appeals article")).containsText("Restored");

		Assertions.assertThat(seen(restricted, WHERE).path("visible").asBoolean()).as("visible in Niue again").isTrue();
		Assertions.assertThat(seen(removed, "US").path("removed").asBoolean()).isTrue();
		Assertions.assertThat(figures().path("itemsRestored").asLong()).isEqualTo(1);
	}

	private Page officer(String timeZone, World.Agency agency) {
		String email = "removals." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@" + agency.domain();
		Page officer = context(timeZone).newPage();
		registerOfficer(officer, email, "Removal Officer");
		return officer;
	}

	private String submit(Page officer, String... posts) {
		officer.navigate(url("/portal/removals/new"));
		officer.locator("#field-basis").selectOption("COURT_ORDER");
		officer.locator("#field-legalBasis").fill("Defamation Ordinance s. 21");
		officer.locator("#field-issuingAuthority").fill("High Court of Niue");
		for (int i = 0; i < posts.length; i++) {
			officer.locator("#field-item-kind-" + i).selectOption("POST_ID");
			officer.locator("#field-item-value-" + i).fill(posts[i]);
		}
		officer.locator("#field-reason").selectOption("DEFAMATION");
		officer.locator("#field-explanation").fill("The posts accuse a named judge of corruption.");
		officer.locator("#field-territorialScope").fill(WHERE);
		officer.locator("#field-document").setInputFiles(new FilePayload("order.pdf", "application/pdf", PDF));
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the removal request")).click();
		assertThat(officer.getByRole(AriaRole.STATUS).first()).containsText("received");
		shot(officer, "portal-removal-submitted");
		return officer.locator("h1").textContent().trim();
	}

	private static void decide(Page reviewer, String post, String decision) {
		reviewer.locator("tr[data-item='" + post + "'] select[id^='decision-']").selectOption(decision);
	}

	private JsonNode seen(String post, String from) {
		return this.api.anonymous().get("/sample-platform/items/" + post + "?from=" + from).json();
	}

	/** This period's removal figures for the jurisdiction, from the public report. */
	private JsonNode figures() {
		JsonNode report = this.api.anonymous()
			.get("/api/v1/transparency/reports/" + Period.of(Instant.now()))
			.json()
			.path("removals");
		for (JsonNode row : report) {
			if (WHERE.equals(row.path("jurisdiction").asString())) {
				return row;
			}
		}
		throw new AssertionError("no removal figures for " + WHERE + " in " + report);
	}

}
