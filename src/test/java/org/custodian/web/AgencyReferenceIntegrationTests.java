package org.custodian.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency's own reference number (issue 14): given at submission through the API or
 * the portal, shown to the officer and to staff, and found by staff in the queue by
 * prefix. Each test uses references no other test can produce.
 */
class AgencyReferenceIntegrationTests extends IntegrationTest {

	@Test
	void theReferenceGivenThroughTheApiIsShownToTheOfficerAndStaffAndFoundByPrefix() {
		String prefix = "NYFO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Person officer = this.world.officer(this.world.agency("US"));
		String first = this.world.submit(officer, withReference(prefix + "-0001"));
		String second = this.world.submit(officer, withReference(prefix + "-0002"));
		String without = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		assertThat(this.world.officerView(officer, first).path("agencyReference").asString())
			.isEqualTo(prefix + "-0001");
		assertThat(this.world.officerView(officer, without).path("agencyReference").isNull()).isTrue();
		Person reviewer = this.world.staff("REVIEWER");
		JsonNode file = this.api.as(reviewer.token()).get("/api/v1/cases/" + second).json();
		assertThat(file.path("agencyReference").asString()).isEqualTo(prefix + "-0002");
		assertThat(file.path("request").path("agencyReference").asString()).isEqualTo(prefix + "-0002");

		assertThat(ids(reviewer, "q=" + prefix)).containsExactly(first, second);
		assertThat(ids(reviewer, "q=" + prefix.toLowerCase() + "-0002")).as("the reference ignores case")
			.containsExactly(second);
		assertThat(ids(reviewer, "q=" + prefix + "-0001")).containsExactly(first);
		String caseNumber = file.path("caseNumber").asString();
		assertThat(ids(reviewer, "q=" + caseNumber)).contains(second).doesNotContain(first, without);
		assertThat(ids(reviewer, "q=%25" + prefix.substring(1))).as("a wildcard is taken literally").isEmpty();
		Api.Response tooLong = this.api.as(reviewer.token()).get("/api/v1/cases?q=" + "x".repeat(101));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.errorFields()).containsExactly("q");
	}

	@Test
	void aReferenceTooLongOrWithControlCharactersIsRefusedNamingTheField() {
		Person officer = this.world.officer(this.world.agency("US"));
		Api.Response tooLong = this.api.as(officer.token()).post("/api/v1/requests", withReference("R".repeat(101)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.contentType()).startsWith("application/problem+json");
		assertThat(tooLong.errorFields()).containsExactly("agencyReference");
		Api.Response control = this.api.as(officer.token()).post("/api/v1/requests", withReference("A\u0007B"));
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.errorFields()).containsExactly("agencyReference");
		assertThat(this.api.as(officer.token()).post("/api/v1/requests", withReference("R".repeat(100))).status())
			.isEqualTo(201);
	}

	@Test
	void thePortalTakesTheReferenceAndShowsItOnTheRequestMyRequestsAndTheConsole() {
		String reference = "HK-CID-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		WebSession portal = new WebSession(this.port);
		WebAccounts.officer(portal, this.world.agency("HK"));
		assertThat(portal.get("/portal/requests/new").body()).contains("Your reference (optional)",
				"name=\"agencyReference\"");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "LEGAL_PROCESS");
		form.put("instrument", "COURT_ORDER");
		form.put("legalBasis", "Cap. 589 s. 33");
		form.put("targets[0].kind", "USERNAME");
		form.put("targets[0].value", "kowloon-ref");
		form.put("categories", "BASIC_SUBSCRIBER");
		form.put("agencyReference", reference);
		form.put("idempotencyKey", UUID.randomUUID().toString());
		String path = WebAccounts.submit(portal, form);
		String id = path.substring(path.lastIndexOf('/') + 1);
		assertThat(portal.get(path).body()).contains("Your reference", reference);
		assertThat(portal.get("/portal/requests").body()).contains(reference, "Case number or your reference");
		assertThat(portal.get("/portal/requests?q=" + reference.toLowerCase()).body()).contains(reference);
		assertThat(portal.get("/portal/requests?q=NO-SUCH-" + reference).body()).doesNotContain(reference + "<");
		assertThat(portal.get("/portal/requests?status=REJECTED&q=" + reference).body())
			.doesNotContain(reference + "<");

		WebSession console = new WebSession(this.port);
		WebAccounts.staff(console, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		assertThat(console.get("/console/cases/" + id).body()).contains("Agency&#39;s reference", reference);
		String queue = console.get("/console/cases?status=&q=" + reference.substring(0, 12)).body();
		assertThat(queue).contains("Case or agency reference", reference, "/console/cases/" + id);
		assertThat(console.get("/console/cases?status=&q=NO-SUCH-" + reference).body()).contains("No cases match")
			.doesNotContain(reference + "<");
	}

	private static Map<String, Object> withReference(String reference) {
		Map<String, Object> request = new HashMap<>(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		request.put("agencyReference", reference);
		return request;
	}

	private List<String> ids(Person reader, String query) {
		List<String> ids = new ArrayList<>();
		this.api.as(reader.token())
			.get("/api/v1/cases?status=&" + query)
			.json()
			.path("items")
			.forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

}
