package org.custodian.web;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.identity.Totp;
import org.custodian.support.TestMail;
import org.custodian.support.WebSession;
import org.custodian.support.World;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs people in through the pages, as they would: registration, the e-mailed link, the
 * authenticator.
 */
public final class WebAccounts {

	public static final String PASSWORD = "a long and careful passphrase";

	private WebAccounts() {
	}

	/** An officer of the agency, registered, confirmed, enrolled and signed in. */
	public static String officer(WebSession web, World.Agency agency) {
		String email = "officer-" + UUID.randomUUID().toString().substring(0, 8) + "@" + agency.domain();
		web.get("/portal/register");
		WebSession.Page registered = web.post("/portal/register",
				Map.of("email", email, "name", "Insp. Chan", "title", "Inspector"));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
		WebSession.Page confirmed = confirm(web, TestMail.linkTo(email), PASSWORD);
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		web.get("/portal/login");
		WebSession.Page login = web.post("/portal/login", Map.of("email", email, "password", PASSWORD));
		assertThat(login.location()).as(login.toString()).endsWith("/portal/enrolment");
		enrol(web, "/portal/enrolment");
		return email;
	}

	/**
	 * Opens an e-mailed confirmation link and chooses the password on its page.
	 */
	static WebSession.Page confirm(WebSession web, String link, String password) {
		WebSession.Page form = web.get(link);
		assertThat(form.status()).as(form.toString()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"password\"");
		String token = link.substring(link.indexOf("token=") + "token=".length());
		return web.post("/portal/confirm",
				Map.of("token", token, "password", password, "passwordConfirmation", password));
	}

	/** Signs a staff member in for the first time, enrolling the second factor. */
	public static String staff(WebSession web, World.Account account) {
		web.get("/console/login");
		WebSession.Page login = web.post("/console/login", Map.of("email", account.email(), "password", PASSWORD));
		assertThat(login.location()).as(login.toString()).endsWith("/console/enrolment");
		return enrol(web, "/console/enrolment");
	}

	/**
	 * Submits a request through the portal's form; returns the request page's path.
	 */
	public static String submit(WebSession web, Map<String, String> form) {
		web.get("/portal/requests/new");
		WebSession.Page submitted = web.post("/portal/requests", form);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		return submitted.location().replaceFirst("^https?://[^/]+", "");
	}

	/**
	 * Four officers signed in to the portal: the one who will own a request, a colleague
	 * it will be delegated to (by {@code delegateEmail}), a colleague without access, and
	 * an officer of another agency.
	 */
	record Circle(WebSession owner, WebSession delegate, String delegateEmail, WebSession colleague,
			WebSession stranger) {

		static Circle of(World world, int port, World.Agency agency) {
			WebSession owner = new WebSession(port);
			officer(owner, agency);
			WebSession delegate = new WebSession(port);
			String email = officer(delegate, agency);
			WebSession colleague = new WebSession(port);
			officer(colleague, agency);
			WebSession stranger = new WebSession(port);
			officer(stranger, world.agency(agency.jurisdiction()));
			return new Circle(owner, delegate, email, colleague, stranger);
		}

	}

	/** Submits a subpoena for one e-mail address through the portal; returns its page. */
	static String submitSubpoena(WebSession web) {
		return submit(web,
				Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Production order 12",
						"targets[0].kind", "EMAIL", "targets[0].value", "who@example.com", "categories",
						"BASIC_SUBSCRIBER"));
	}

	/** Enrols the authenticator shown on the page; returns the secret. */
	public static String enrol(WebSession web, String path) {
		WebSession.Page page = web.get(path);
		Matcher secret = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<").matcher(page.body());
		assertThat(secret.find()).as(page.body()).isTrue();
		WebSession.Page enrolled = web.post(path, Map.of("code", Totp.code(secret.group(1), java.time.Instant.now())));
		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
		assertThat(enrolled.body()).contains("recovery-codes");
		return secret.group(1);
	}

}
