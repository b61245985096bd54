package org.custodian.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitUntilState;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages of the public report, the portal and the console on a phone (390 px) and
 * a desktop (1280 px): none scrolls sideways (a wide table scrolls inside its own
 * labelled box), axe-core finds no accessibility violation, no text shows an enum's code
 * or a missing message, and "My requests" keeps case numbers and dates on one line. The
 * screenshots in {@code docs/screenshots/} are written here.
 */
class ResponsivePagesBrowserTests extends BrowserTest {

	static final Path DOCS = Path.of("docs", "screenshots");

	private static final String AXE = axe();

	/** An enum's code (SEARCH_WARRANT) or a message the bundles lack (??key_en??). */
	private static final Pattern SHOWN_CODE = Pattern.compile("\\?\\?\\S*|\\b[A-Z]{2,}(?:_[A-Z]+)+\\b");

	@Test
	void everyMainPageFitsAPhoneAndADesktopWithoutAnAccessibilityViolation() throws IOException {
		Files.createDirectories(DOCS);
		World.Agency agency = this.world.agency("HK");
		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, agency);
		String request = WebAccounts.submit(officer, subpoena("a-rather-long-username-of-a-suspect"));
		WebAccounts.submit(officer, subpoena("second.suspect"));
		String requestId = request.substring(request.lastIndexOf('/') + 1);
		WebSession staff = new WebSession(this.port);
		WebAccounts.staff(staff, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER", "APPROVER", "POLICY_ADMIN",
				"HUMAN_RIGHTS_LEAD", "AUDITOR", "ADMIN"));

		Map<String, String> publicPages = new LinkedHashMap<>();
		publicPages.put("transparency", "/transparency");
		publicPages.put("transparency-hk", "/transparency/HK");
		Map<String, String> portalPages = new LinkedHashMap<>();
		portalPages.put("portal-home", "/portal");
		portalPages.put("portal-my-requests", "/portal/requests");
		portalPages.put("portal-request", request);
		portalPages.put("portal-submit", "/portal/requests/new");
		Map<String, String> consolePages = new LinkedHashMap<>();
		consolePages.put("console-queue", "/console/cases");
		consolePages.put("console-case", "/console/cases/" + requestId);
		consolePages.put("console-pauses", "/console/policy/pauses");
		consolePages.put("console-assessments", "/console/assessments");
		consolePages.put("console-agencies", "/console/admin/agencies");
		consolePages.put("console-audit", "/console/audit");

		List<String> problems = new ArrayList<>();
		for (int width : new int[] { 390, 1280 }) {
			problems.addAll(visit(publicPages, null, width));
			problems.addAll(visit(portalPages, officer, width));
			problems.addAll(visit(consolePages, staff, width));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void myRequestsKeepsCaseNumbersAndDatesOnOneLineOnADesktop() {
		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, this.world.agency("HK"));
		WebAccounts.submit(officer, subpoena("one.line.please"));
		try (BrowserContext context = context(officer, 1280)) {
			Page page = context.newPage();
			page.navigate(url("/portal/requests"));
			for (String cell : List.of("tbody td:first-child a", "tbody time")) {
				Object lines = page.locator(cell).first().evaluate("(element) => element.getClientRects().length");
				assertThat(((Number) lines).intValue()).as(cell).isEqualTo(1);
			}
		}
	}

	private List<String> visit(Map<String, String> pages, WebSession session, int width) {
		List<String> problems = new ArrayList<>();
		try (BrowserContext context = context(session, width)) {
			Page page = context.newPage();
			for (Map.Entry<String, String> entry : pages.entrySet()) {
				String where = entry.getKey() + " at " + width + " px: ";
				page.navigate(url(entry.getValue()), new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
				assertThat(page.title()).as(where).doesNotContain("not found", "Something went wrong");
				Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
				Number innerWidth = (Number) page.evaluate("() => window.innerWidth");
				if (scrollWidth.intValue() > innerWidth.intValue()) {
					problems.add(where + "the page is " + scrollWidth + " px wide, wider than the window (" + innerWidth
							+ " px): " + page.evaluate(WIDEST));
				}
				Matcher code = SHOWN_CODE.matcher(page.locator("body").innerText());
				while (code.find()) {
					problems.add(where + "shows a code or a missing message: " + code.group());
				}
				page.evaluate(AXE);
				Map<?, ?> axe = (Map<?, ?>) page.evaluate("async () => { const r = await axe.run(document);"
						+ " return { passes: r.passes.length, violations: r.violations.map((v) => v.id + ': '"
						+ " + v.nodes.map((n) => n.target.join(' ')).join(', ')) }; }");
				assertThat(((Number) axe.get("passes")).intValue()).as(where + "axe-core ran").isPositive();
				for (Object violation : (List<?>) axe.get("violations")) {
					problems.add(where + "axe-core: " + violation);
				}
				page.screenshot(
						new Page.ScreenshotOptions().setPath(DOCS.resolve(entry.getKey() + "-" + width + ".png")));
			}
		}
		return problems;
	}

	/** The elements that stick out of the window on the right, for a readable failure. */
	private static final String WIDEST = """
			() => [...document.querySelectorAll('body *')]
			  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
			  .slice(0, 5)
			  .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
			    + ' ' + Math.round(e.getBoundingClientRect().right))
			  .join('; ')""";

	private BrowserContext context(WebSession session, int width) {
		BrowserContext context = browser
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("en-GB")
				.setTimezoneId("Asia/Hong_Kong")
				.setViewportSize(width, (width < 600) ? 844 : 900));
		if (session != null) {
			context.addCookies(List
				.of(new Cookie("JSESSIONID", session.cookie("JSESSIONID")).setDomain("localhost").setPath("/")));
		}
		return context;
	}

	private static Map<String, String> subpoena(String username) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "LEGAL_PROCESS");
		form.put("instrument", "SUBPOENA");
		form.put("legalBasis", "Cap. 1 Interception of Communications and Surveillance Ordinance, s. 12");
		form.put("targets[0].kind", "USERNAME");
		form.put("targets[0].value", username);
		form.put("targets[1].kind", "EMAIL");
		form.put("targets[1].value", username.replace('.', '-') + "@mail.example");
		form.put("categories", "BASIC_SUBSCRIBER");
		form.put("offence", "Fraud");
		form.put("idempotencyKey", UUID.randomUUID().toString());
		return form;
	}

	private static String axe() {
		try (InputStream in = ResponsivePagesBrowserTests.class.getResourceAsStream("/axe-core/axe.min.js")) {
			return "() => { " + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n}";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
