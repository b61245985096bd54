package org.custodian.web;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators register, verify and suspend agencies and add staff in the console;
 * nobody else may.
 */
class ConsoleAdministrationIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void administratorRegistersVerifiesAndSuspendsAnAgency() {
		WebSession admin = new WebSession(this.port);
		WebAccounts.staff(admin, this.world.staffAccount(WebAccounts.PASSWORD, "ADMIN"));
		String name = "Harbour Police " + UUID.randomUUID().toString().substring(0, 6);
		admin.get("/console/admin/agencies");
		WebSession.Page invalid = admin.post("/console/admin/agencies", Map.of("name", name, "jurisdiction", "XX",
				"kind", "POLICE", "emailDomains", "harbour.example", "callbackPhone", "12"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("value=\"" + name + "\"", "must be an ISO 3166-1 alpha-2 code",
				"must be an international number");

		String domain = "h" + UUID.randomUUID().toString().substring(0, 6) + ".police.example";
		WebSession.Page registered = admin.post("/console/admin/agencies", Map.of("name", name, "jurisdiction", "HK",
				"kind", "POLICE", "emailDomains", domain, "callbackPhone", "+852 2860 2000"));
		assertThat(registered.status()).isEqualTo(302);
		WebSession.Page list = admin.get("/console/admin/agencies");
		assertThat(list.body()).contains(name, domain, "Pending verification");
		String id = agencyId(list.body(), name);

		admin.post("/console/admin/agencies/" + id + "/status", Map.of("status", "VERIFIED"));
		assertThat(row(admin.get("/console/admin/agencies").body(), name)).contains("Verified");
		admin.post("/console/admin/agencies/" + id + "/status",
				Map.of("status", "SUSPENDED", "reason", "Mailbox compromised"));
		assertThat(row(admin.get("/console/admin/agencies").body(), name)).contains("Suspended", "Mailbox compromised");
	}

	@Test
	void publicMailDomainsAreRefusedAndFlaggedOnAgenciesThatHaveOne() {
		WebSession admin = new WebSession(this.port);
		WebAccounts.staff(admin, this.world.staffAccount(WebAccounts.PASSWORD, "ADMIN"));
		String name = "Webmail Police " + UUID.randomUUID().toString().substring(0, 6);
		admin.get("/console/admin/agencies");
		WebSession.Page refused = admin.post("/console/admin/agencies", Map.of("name", name, "jurisdiction", "HK",
				"kind", "POLICE", "emailDomains", "gmail.com", "callbackPhone", "+852 2860 2000"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("gmail.com is a public e-mail provider");

		// An agency registered before the rule, with such a domain among its own.
		World.Agency agency = this.world.agency("HK");
		this.jdbc.sql("INSERT INTO agency_email_domain (agency_id, domain, added_at) VALUES (?::uuid, 'gmx.de', now())")
			.param(agency.id())
			.update();
		JsonNode view = this.api.as(IntegrationTest.ADMIN_TOKEN).get("/api/v1/agencies/" + agency.id()).json();
		assertThat(World.texts(view.path("publicMailDomains"))).containsExactly("gmx.de");
		String page = admin.get("/console/admin/agencies").body();
		assertThat(page).contains("Proves nothing: gmx.de is a public e-mail provider");
	}

	@Test
	void administratorAddsStaffWhoCanThenSignIn() {
		WebSession admin = new WebSession(this.port);
		WebAccounts.staff(admin, this.world.staffAccount(WebAccounts.PASSWORD, "ADMIN"));
		admin.get("/console/admin/staff");
		String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@platform.example";
		WebSession.Page created = admin.post("/console/admin/staff",
				Map.of("email", email, "name", "Ada Reviewer", "roles", "REVIEWER", "password", WebAccounts.PASSWORD));
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		assertThat(admin.get("/console/admin/staff").body()).contains(email, "Ada Reviewer", "Reviewer");

		WebSession newcomer = new WebSession(this.port);
		WebAccounts.staff(newcomer, new org.custodian.support.World.Account(null, email));
		assertThat(newcomer.get("/console/admin/staff").status()).isEqualTo(403);
		assertThat(newcomer.get("/console/cases").status()).isEqualTo(200);
	}

	private static String agencyId(String body, String name) {
		Matcher matcher = Pattern.compile("/console/admin/agencies/([0-9a-f-]{36})/status").matcher(row(body, name));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String row(String body, String name) {
		int at = body.indexOf(name);
		assertThat(at).isPositive();
		return body.substring(at, body.indexOf("</tr>", at));
	}

}
