package org.custodian.web;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.custodian.support.TestMail;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An officer's day in a real browser (Debian's Chromium): e-mailed that the data is
 * ready, they follow the e-mail's link, collect the package and its passphrase, and later
 * re-issue the passphrase, which rebuilds the package under a new one; the request's
 * status history says each step. Every page is checked at 390 px and 1280 px, where it
 * must not scroll sideways.
 */
class OfficerDayBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOfficerIsEmailedThatTheDataIsReadyCollectsItAndReissuesThePassphrase() throws Exception {
		World.Agency agency = this.world.agency("US");
		String email = "day." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@" + agency.domain();
		Page officer = context("Asia/Hong_Kong").newPage();
		register(officer, email);
		String caseNumber = submit(officer);
		String id = this.jdbc.sql("SELECT request_id::text FROM review_case WHERE case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single();
		decide(id);

		String link = readyLink(email, caseNumber);
		officer.navigate(link);
		atBothWidths(officer, "portal-production-ready", () -> {
			assertThat(officer.locator("h1")).hasText(caseNumber);
			assertThat(officer.locator("#production")).containsText("Download the package");
			assertThat(officer.locator("#production")).containsText("Can be downloaded until");
			assertThat(officer.locator("#history")).containsText("The data is ready to download.");
		});
		Download download = officer.waitForDownload(
				() -> officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the package"))
					.click());
		org.assertj.core.api.Assertions.assertThat(Files.size(download.path())).isPositive();
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the passphrase")).click();
		String first = officer.locator("#passphrase").textContent().trim();
		org.assertj.core.api.Assertions.assertThat(first).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){5}");

		atBothWidths(officer, "portal-passphrase", () -> assertThat(officer.locator("#passphrase")).hasText(first));
		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the request")).click();
		atBothWidths(officer, "portal-request-collected", () -> {
			assertThat(officer.locator("#downloads")).containsText("Day Officer");
			assertThat(officer.locator("#history")).containsText("Your agency downloaded the data.");
		});
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Re-issue the passphrase")).click();
		assertThat(officer.getByRole(AriaRole.STATUS).first()).containsText("the old passphrase no longer opens it");
		for (int i = 0; i < 120
				&& officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the passphrase"))
					.count() == 0; i++) {
			officer.waitForTimeout(500);
			officer.reload();
			officer.locator("#production h2").waitFor();
		}
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the passphrase")).click();
		String second = officer.locator("#passphrase").textContent().trim();
		org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(first).hasSize(first.length());
		shot(officer, "portal-passphrase-reissued");
		officer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the request")).click();
		atBothWidths(officer, "portal-request-reissued", () -> assertThat(officer.locator("#history"))
			.containsText("A new passphrase was issued; the old one no longer opens the package."));

		officer.navigate(url("/portal/notifications"));
		atBothWidths(officer, "portal-notifications", () -> {
			assertThat(officer.locator("#notifications")).containsText(caseNumber);
			assertThat(officer.locator("#notifications")).containsText("The data is ready to download");
		});
	}

	private String readyLink(String email, String caseNumber) {
		String subject = "The data for request " + caseNumber + " is ready";
		String body = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> java.util.Arrays.stream(TestMail.server().getReceivedMessages()).filter((message) -> {
				try {
					return message.getSubject().equals(subject)
							&& message.getAllRecipients()[0].toString().equalsIgnoreCase(email);
				}
				catch (jakarta.mail.MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}).findFirst().map(com.icegreen.greenmail.util.GreenMailUtil::getBody).orElse(null),
					(found) -> found != null);
		Matcher link = Pattern.compile("https?://[^\\s\"<>]+/portal/requests/" + id(caseNumber))
			.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		org.assertj.core.api.Assertions.assertThat(link.find()).as(body).isTrue();
		return link.group();
	}

	private String id(String caseNumber) {
		return this.jdbc.sql("SELECT request_id::text FROM review_case WHERE case_number = ?")
			.param(caseNumber)
			.query(String.class)
			.single();
	}

	private void register(Page officer, String email) {
		registerOfficer(officer, email, "Day Officer");
	}

	private String submit(Page officer) {
		officer.navigate(url("/portal/requests/new"));
		officer.getByLabel("Legal instrument").selectOption("SUBPOENA");
		officer.getByLabel("Legal basis").fill("Grand jury subpoena 2026-114");
		officer.getByLabel("Identifier 1", new Page.GetByLabelOptions().setExact(true)).fill("wire.fraudster");
		officer.getByLabel("Basic subscriber information").check();
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit the request")).click();
		assertThat(officer.getByRole(AriaRole.STATUS).first()).containsText("has been received");
		return officer.locator("h1").textContent().trim();
	}

	private void decide(String id) {
		org.assertj.core.api.Assertions
			.assertThat(this.api.as(this.world.staff("REVIEWER").token())
				.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")))
				.status())
			.isEqualTo(200);
		org.assertj.core.api.Assertions
			.assertThat(this.api.as(this.world.staff("APPROVER").token())
				.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"))
				.status())
			.isEqualTo(200);
	}

}
