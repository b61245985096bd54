package org.custodian.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.custodian.identity.Totp;
import org.custodian.support.IntegrationTest;
import org.custodian.support.TestMail;
import org.custodian.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests in a real browser (Debian's Chromium): launching it, a context per person with
 * its own time zone, signing staff in with their second factor, and screenshots into
 * {@code target/screenshots/}. Without Chromium the tests skip, except in CI.
 */
abstract class BrowserTest extends IntegrationTest {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	static Playwright playwright;

	static Browser browser;

	@BeforeAll
	static void launch() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		if (!Files.isExecutable(CHROMIUM)) {
			if (ci) {
				fail("CI=true but there is no Chromium at " + CHROMIUM + ": install it (apt-get install chromium)");
			}
			assumeTrue(false, "Browser tests skipped: no Chromium at " + CHROMIUM
					+ " (apt-get install chromium to run them; in CI they never skip)");
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run", "--disable-quic")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	/** A staff member with these roles, signed in to the console for the first time. */
	Page staff(String timeZone, String... roles) {
		World.Account account = this.world.staffAccount(WebAccounts.PASSWORD, roles);
		Page page = context(timeZone).newPage();
		page.navigate(url("/console/login"));
		signIn(page, account.email(), "");
		enrol(page);
		return page;
	}

	/**
	 * Registers an officer through the portal on this page: the e-mailed link, the
	 * password, the first sign-in with a second factor; ends on "My requests".
	 */
	void registerOfficer(Page officer, String email, String name) {
		officer.navigate(url("/portal/register"));
		officer.getByLabel("Official e-mail address").fill(email);
		officer.getByLabel("Full name").fill(name);
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
		assertThat(officer.locator("h1")).hasText("Check your e-mail");
		officer.navigate(TestMail.linkTo(email));
		officer.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(WebAccounts.PASSWORD);
		officer.getByLabel("Password again").fill(WebAccounts.PASSWORD);
		officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and set the password")).click();
		officer.navigate(url("/portal/login"));
		signIn(officer, email, "");
		enrol(officer);
		assertThat(officer.locator("h1")).hasText("My requests");
	}

	static BrowserContext context(String timeZone) {
		return browser.newContext(
				new Browser.NewContextOptions().setTimezoneId(timeZone).setLocale("en-GB").setViewportSize(1280, 900));
	}

	static void signIn(Page page, String email, String code) {
		page.getByLabel("mail address").fill(email);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(WebAccounts.PASSWORD);
		page.getByLabel("Authentication code").fill(code);
		page.locator("main form button[type=submit]").click();
	}

	static void enrol(Page page) {
		assertThat(page.locator("h1")).hasText("Set up your authenticator");
		shot(page, "authenticator-enrolment");
		String secret = page.locator("#totp-secret").textContent().trim();
		page.getByLabel("The six-digit code your app now shows").fill(Totp.code(secret, Instant.now()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have stored them — continue")).click();
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * At a phone's width (390 px) and then a desktop's (1280 px): the page shows what
	 * {@code check} looks for and fits its window, nothing making it scroll sideways; a
	 * screenshot at each width. Leaves the page at 1280 px.
	 */
	static void atBothWidths(Page page, String name, Runnable check) {
		for (int width : new int[] { 390, 1280 }) {
			page.setViewportSize(width, (width < 600) ? 844 : 900);
			check.run();
			Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
			org.assertj.core.api.Assertions.assertThat(scrollWidth.intValue())
				.as(name + " at " + width + " px scrolls sideways")
				.isLessThanOrEqualTo(width);
			shot(page, name + "-" + width);
		}
	}

	static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
