package org.custodian.web;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs that once answered 500 or were stored broken (issue 11): each is now a 400
 * naming the field, and nothing is stored.
 */
class HostileInputIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	Person officer;

	@BeforeEach
	void officer() {
		this.officer = this.world.officer(this.world.agency("US"));
	}

	@Test
	void controlCharactersAreRefusedByFieldWhereverTheyArrive() {
		Api.Call call = this.api.as(this.officer.token());
		long before = requestsOfTheAgency();

		assertRefused(call.post("/api/v1/requests", request("legalBasis", "Warrant\u0000 12")), "legalBasis",
				"control character (U+0000)");
		Map<String, Object> target = request("targets", List.of(Map.of("kind", "USERNAME", "value", "ok"),
				Map.of("kind", "USERNAME", "value", "bad\u001b[2J")));
		assertRefused(call.post("/api/v1/requests", target), "targets[1].value", "U+001B");
		// A lone surrogate survives only as a JSON escape (UTF-8 cannot carry one).
		String loneSurrogate = Api.JSON.writeValueAsString(request("offence", "Fraud"))
			.replace("Fraud", "Fraud \\ud800");
		assertRefused(call.post("/api/v1/requests", loneSurrogate), "offence", "unpaired surrogate");
		assertRefused(call.postMultipart("/api/v1/requests", request("offence", "x\u0007"), PDF, "order.pdf"),
				"offence", "U+0007");
		assertRefused(
				this.world.admin()
					.post("/api/v1/agencies/" + this.officer.agency().id() + "/officers?note=%00",
							Map.of("email", "x@" + this.officer.agency().domain(), "name", "N", "title", "T")),
				"note", "U+0000");

		assertThat(requestsOfTheAgency()).isEqualTo(before);
		// Tab, newline and carriage return are text.
		assertThat(call.post("/api/v1/requests", request("offence", "Fraud\tand\r\nforgery")).status()).isEqualTo(201);
	}

	@Test
	void aNulInAWithdrawalReasonIsRefusedAndTheAuditLogStaysReadable() {
		String id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response withdrawal = this.api.as(this.officer.token())
			.post("/api/v1/requests/" + id + "/withdrawal", Map.of("reason", "Closed\u0000"));

		assertRefused(withdrawal, "reason", "U+0000");
		assertThat(this.world.officerView(this.officer, id).path("status").asString()).isNotEqualTo("WITHDRAWN");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'request.withdrawn'")
					.param(id)
					.query(Long.class)
					.single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE (details::jsonb) IS NOT NULL")
			.query(Long.class)
			.single()).isPositive();
		Api.Response verification = this.api.as(this.world.staff("AUDITOR").token()).get("/api/v1/audit/verification");
		assertThat(verification.json().path("valid").asBoolean()).as(verification.toString()).isTrue();
	}

	@Test
	void wrongJsonTypesAndMalformedBodiesNameTheField() {
		Api.Call call = this.api.as(this.officer.token());
		assertRefused(call.post("/api/v1/requests", request("targets", "x")), "targets", "must be a list");
		assertRefused(call.post("/api/v1/requests", request("targets", List.of("x"))), "targets[0]",
				"must be an object");
		assertRefused(call.post("/api/v1/requests", request("emergency", List.of())), "emergency", "must be an object");
		assertRefused(call.post("/api/v1/requests", "[1, 2]"), "body", "JSON object");
		assertRefused(call.post("/api/v1/requests", "{\"type\": "), "body", "is not valid JSON");
		assertRefused(call.post("/api/v1/requests/" + UUID.randomUUID() + "/emergency-follow-up",
				Map.of("emergencyRequestId", "not-a-uuid")), "emergencyRequestId", "is not a valid id");
		assertRefused(call.postMultipart("/api/v1/requests", "not json", PDF, "order.pdf"), "request",
				"is not a JSON object");
	}

	@Test
	void emailAndPhoneTargetsMustBeAddressesAndNumbers() {
		Api.Call call = this.api.as(this.officer.token());
		Map<String, Object> bad = request("targets", List.of(Map.of("kind", "EMAIL", "value", "not-an-email"),
				Map.of("kind", "PHONE", "value", "abc"), Map.of("kind", "PHONE", "value", "+1 234")));
		Api.Response refused = call.post("/api/v1/requests", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("targets[0].value", "targets[1].value", "targets[2].value");

		Map<String, Object> good = request("targets",
				List.of(Map.of("kind", "EMAIL", "value", "who@mail.example.org"),
						Map.of("kind", "PHONE", "value", "+852 2860 2000"),
						Map.of("kind", "PHONE", "value", "0044 20 7946 0000")));
		assertThat(call.post("/api/v1/requests", good).status()).isEqualTo(201);
	}

	@Test
	void badFileNamesAreNamedAsSuchNotAsTooLarge() {
		Api.Call call = this.api.as(this.officer.token());
		Map<String, Object> request = World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER");
		assertRefused(call.postMultipart("/api/v1/requests", request, PDF, "order\u0000.pdf"), "document",
				"file name is not valid");
		assertRefused(call.postMultipart("/api/v1/requests", request, PDF, "o".repeat(5000) + ".pdf"), "document",
				"file name is too long");
	}

	@Test
	void anEmptyOrBrokenSanctionsListIsNamedAsCsv() {
		Api.Call admin = this.api.as(this.world.staff("POLICY_ADMIN").token());
		assertRefused(csv(admin, ""), "body", "is empty");
		assertRefused(csv(admin, "name,program\n\"Unterminated,SDGT\n"), "body", "is not valid CSV");
		assertRefused(csv(admin, "name,program\nJohn\u0000 Doe,SDGT\n"), "body", "on line 2");
	}

	@Test
	void thePortalAnswersHostileFormsWithAPageNotAFailure() {
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, this.world.agency("US"));
		web.get("/portal/requests/new");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "LEGAL_PROCESS");
		form.put("instrument", "SUBPOENA");
		form.put("legalBasis", "Warrant 7");
		form.put("categories", "BASIC_SUBSCRIBER");
		form.put("idempotencyKey", UUID.randomUUID().toString());

		for (String index : List.of("100000", "-1", "x")) {
			Map<String, String> hostile = new LinkedHashMap<>(form);
			hostile.put("targets[" + index + "].value", "suspect01");
			WebSession.Page page = web.post("/portal/requests", hostile);
			assertThat(page.status()).as(page.toString()).isEqualTo(400);
			assertThat(page.body()).contains("Accounts");
		}
		Map<String, String> nul = new LinkedHashMap<>(form);
		nul.put("targets[0].value", "suspect\u0000");
		WebSession.Page refused = web.post("/portal/requests", nul);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.body()).contains("control character");

		Map<String, String> upload = new LinkedHashMap<>(form);
		upload.put("targets[0].value", "suspect01");
		WebSession.Page badName = web.postMultipart("/portal/requests", upload, "document", "a\u0000.pdf", PDF);
		// Tomcat refuses the part while reading the form, before the page's controller
		// runs:
		// its 400 error page (a browser is shown error.html), not a failure.
		assertThat(badName.status()).as(badName.toString()).isEqualTo(400);
		assertThat(web.get("/portal/requests").body()).doesNotContain("suspect01");
	}

	private static Api.Response csv(Api.Call admin, String body) {
		return admin.header("Content-Type", "text/csv").post("/api/v1/sanctions/lists", body);
	}

	private static Map<String, Object> request(String field, Object value) {
		Map<String, Object> request = new HashMap<>(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		request.put(field, value);
		return request;
	}

	private long requestsOfTheAgency() {
		return this.jdbc.sql("SELECT count(*) FROM request WHERE agency_id = ?::uuid")
			.param(this.officer.agency().id())
			.query(Long.class)
			.single();
	}

	/** A 400 in problem+json naming the field with this problem. */
	static void assertRefused(Api.Response response, String field, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors")).anySatisfy((error) -> {
			assertThat(error.path("field").asString()).isEqualTo(field);
			assertThat(error.path("message").asString()).contains(message);
		});
	}

}
