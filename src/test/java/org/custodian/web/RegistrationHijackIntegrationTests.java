package org.custodian.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.custodian.support.IntegrationTest;
import org.custodian.support.RawHttp;
import org.custodian.support.TestMail;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration takeover, tried as an attacker would: register the victim's address
 * with a forged {@code Host} (and {@code X-Forwarded-Host}) header and a password of the
 * attacker's choosing. The victim's mail links to the configured public URL, the
 * attacker's password activates nothing, and an address that already has an account is
 * not changed by a registration at all.
 */
class RegistrationHijackIntegrationTests extends IntegrationTest {

	private static final String ATTACKER_PASSWORD = "the attacker's own passphrase";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForgedHostHeaderNeitherRedirectsTheLinkNorActivatesTheAttackersPassword() {
		World.Agency agency = this.world.agency("HK");
		String victim = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@" + agency.domain();

		RawHttp.Response registered = registerAsAttacker(victim);
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		String link = TestMail.linkTo(victim);
		assertThat(link).startsWith("http://localhost:" + this.port + "/portal/confirm?token=")
			.doesNotContain("attacker.example");

		// Opening the link (as the attacker would, had they the token, or a mail scanner
		// does) sets no password; the attacker's typed one never becomes active.
		WebSession scanner = new WebSession(this.port);
		assertThat(scanner.get(link).body()).contains("name=\"password\"");
		assertThat(signIn(victim, ATTACKER_PASSWORD)).as("the attacker's password").isEqualTo(401);

		WebSession owner = new WebSession(this.port);
		assertThat(WebAccounts.confirm(owner, link, WebAccounts.PASSWORD).body()).contains("Your address is confirmed");
		assertThat(signIn(victim, ATTACKER_PASSWORD)).isEqualTo(401);
		assertThat(signIn(victim, WebAccounts.PASSWORD)).as("the link holder's password").isEqualTo(302);
	}

	@Test
	void aRegistrationForAnAddressWithAnAccountChangesNothing() {
		World.Agency agency = this.world.agency("HK");
		WebSession officer = new WebSession(this.port);
		String email = WebAccounts.officer(officer, agency);
		String hashBefore = passwordHash(email);
		int before = TestMail.bodiesTo(email).size();
		RawHttp.Response again = registerAsAttacker(email);
		String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@" + agency.domain();
		RawHttp.Response unknown = registerAsAttacker(stranger);
		assertThat(again.status()).isEqualTo(unknown.status()).isEqualTo(200);
		assertThat(main(again).replace(email, "X")).as("no enumeration")
			.isEqualTo(main(unknown).replace(stranger, "X"));

		List<String> mails = TestMail.bodiesTo(email);
		assertThat(mails).hasSize(before + 1);
		assertThat(mails.get(mails.size() - 1)).contains("You already have an account")
			.contains("http://localhost:" + this.port + "/portal/login")
			.doesNotContain("attacker.example")
			.doesNotContain("token=");
		assertThat(signIn(email, ATTACKER_PASSWORD)).isEqualTo(401);
		assertThat(passwordHash(email)).as("the password is unchanged").isEqualTo(hashBefore);
		assertThat(this.jdbc.sql("SELECT count(*) FROM officer_registration WHERE lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single()).as("only the officer's own, confirmed registration").isEqualTo(1);
	}

	private String passwordHash(String email) {
		return this.jdbc.sql("SELECT password_hash FROM officer WHERE lower(email) = lower(?)")
			.param(email)
			.query(String.class)
			.single();
	}

	/** What a page says (its main element). */
	private static String main(RawHttp.Response response) {
		String body = response.body();
		return body.substring(body.indexOf("<main"), body.indexOf("</main>"));
	}

	/** Signs in with the password alone; 302 (on to the code or enrolment) or 401. */
	private int signIn(String email, String password) {
		WebSession web = new WebSession(this.port);
		web.get("/portal/login");
		return web.post("/portal/login", Map.of("email", email, "password", password)).status();
	}

	/**
	 * The attacker's registration, sent over a raw socket: Java's HTTP client does not
	 * let a caller choose the Host header.
	 */
	private RawHttp.Response registerAsAttacker(String email) {
		RawHttp.Response form = forged("GET", "", null);
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as(form.body()).isTrue();
		Map<String, String> fields = Map.of("email", email, "name", "J. Victim", "title", "", "password",
				ATTACKER_PASSWORD, "passwordConfirmation", ATTACKER_PASSWORD, "_csrf", csrf.group(1));
		String body = fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return forged("POST", body, form.sessionCookie());
	}

	private RawHttp.Response forged(String method, String body, String cookie) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", "attacker.example");
		headers.put("X-Forwarded-Host", "attacker.example");
		headers.put("X-Forwarded-Proto", "https");
		if (cookie != null) {
			headers.put("Cookie", cookie);
		}
		return RawHttp.send("127.0.0.1", this.port, method, "/portal/register", headers, body);
	}

}
