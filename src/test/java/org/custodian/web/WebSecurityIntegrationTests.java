package org.custodian.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web layer's own defences: CSRF, session fixation, cookie flags, the
 * Content-Security-Policy, lockout without user enumeration, and the wall between the
 * portal and the console.
 */
class WebSecurityIntegrationTests extends IntegrationTest {

	@Test
	void pagesCarryAStrictContentSecurityPolicy() {
		WebSession web = new WebSession(this.port);
		for (String path : new String[] { "/portal", "/portal/login", "/console/login" }) {
			WebSession.Page page = web.get(path);
			assertThat(page.status()).isEqualTo(200);
			String csp = page.header("Content-Security-Policy");
			assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
					"object-src 'none'");
			assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(page.body()).doesNotContain("<script>", "style=\"", " onclick=");
		}
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		WebSession web = new WebSession(this.port);
		web.get("/portal/login");
		WebSession.Page page = web.postRaw("/portal/login", Map.of("email", "x@y.example", "password", "whatever"));
		assertThat(page.status()).isEqualTo(403);
	}

	@Test
	void signingInIssuesANewSecureSession() {
		World.Agency agency = this.world.agency("HK");
		WebSession web = new WebSession(this.port);
		web.get("/portal/register");
		String before = web.cookie("JSESSIONID");
		assertThat(before).isNotNull();
		WebAccounts.officer(web, agency);
		assertThat(web.cookie("JSESSIONID")).isNotEqualTo(before);

		WebSession other = new WebSession(this.port);
		WebSession.Page login = other.get("/portal/login");
		assertThat(login.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void lockoutIsTheSameForKnownAndUnknownAddresses() {
		World.Account staff = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		String unknown = "nobody-" + UUID.randomUUID() + "@platform.example";
		for (String email : new String[] { staff.email(), unknown }) {
			WebSession web = new WebSession(this.port);
			web.get("/console/login");
			for (int i = 0; i < 4; i++) {
				WebSession.Page failed = web.post("/console/login", Map.of("email", email, "password", "wrong" + i));
				assertThat(failed.status()).isEqualTo(401);
				assertThat(failed.body()).contains("The e-mail address, password or code is not right");
			}
			WebSession.Page locked = web.post("/console/login", Map.of("email", email, "password", "wrong again"));
			assertThat(locked.status()).isEqualTo(429);
			assertThat(locked.body()).contains("Too many failed attempts");
			WebSession.Page stillLocked = web.post("/console/login",
					Map.of("email", email, "password", WebAccounts.PASSWORD));
			assertThat(stillLocked.status()).isEqualTo(429);
		}
	}

	@Test
	void aSecondFactorIsRequiredOnceEnrolledAndRecoveryCodesWorkOnce() {
		World.Account staff = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		WebSession first = new WebSession(this.port);
		first.get("/console/login");
		first.post("/console/login", Map.of("email", staff.email(), "password", WebAccounts.PASSWORD));
		WebSession.Page enrolment = first.get("/console/enrolment");
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<")
			.matcher(enrolment.body());
		assertThat(secret.find()).isTrue();
		WebSession.Page codes = first.post("/console/enrolment",
				Map.of("code", org.custodian.identity.Totp.code(secret.group(1), java.time.Instant.now())));
		java.util.regex.Matcher recovery = java.util.regex.Pattern
			.compile("<code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</code>")
			.matcher(codes.body());
		assertThat(recovery.find()).as(codes.body()).isTrue();

		WebSession second = new WebSession(this.port);
		second.get("/console/login");
		WebSession.Page withoutCode = second.post("/console/login",
				Map.of("email", staff.email(), "password", WebAccounts.PASSWORD));
		assertThat(withoutCode.status()).isEqualTo(401);
		WebSession.Page withRecovery = second.post("/console/login",
				Map.of("email", staff.email(), "password", WebAccounts.PASSWORD, "code", recovery.group(1)));
		assertThat(withRecovery.location()).endsWith("/console/cases");

		WebSession third = new WebSession(this.port);
		third.get("/console/login");
		WebSession.Page reused = third.post("/console/login",
				Map.of("email", staff.email(), "password", WebAccounts.PASSWORD, "code", recovery.group(1)));
		assertThat(reused.status()).isEqualTo(401);
	}

	@Test
	void officersNeverSeeStaffPagesAndStaffDoNotActAsOfficers() {
		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, this.world.agency("HK"));
		assertThat(officer.get("/console/cases").status()).isEqualTo(403);
		assertThat(officer.get("/console/audit").status()).isEqualTo(403);

		WebSession staff = new WebSession(this.port);
		WebAccounts.staff(staff, this.world.staffAccount(WebAccounts.PASSWORD, "ADMIN"));
		assertThat(staff.get("/portal/requests").status()).isEqualTo(403);
	}

	@Test
	void signingOutEndsTheSession() {
		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, this.world.agency("HK"));
		officer.get("/portal/requests");
		WebSession.Page out = officer.post("/portal/logout", Map.of());
		assertThat(out.location()).endsWith("/portal/login?signedOut");
		assertThat(officer.get("/portal/requests").location()).endsWith("/portal/login");
	}

	@Test
	void unfinishedSignInOnlyReachesEnrolment() {
		World.Account staff = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		WebSession web = new WebSession(this.port);
		assertThat(web.get("/console/cases").location()).endsWith("/console/login");
		web.get("/console/login");
		web.post("/console/login", Map.of("email", staff.email(), "password", WebAccounts.PASSWORD));
		assertThat(web.get("/console/cases").status()).isEqualTo(403);
		assertThat(web.get("/console/enrolment").status()).isEqualTo(200);
	}

}
