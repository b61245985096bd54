package org.custodian.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submitting requests over the API: bad input is refused field by field and nothing is
 * stored; documents keep their SHA-256; Idempotency-Key replays return the original.
 */
class IntakeIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	Person officer;

	@BeforeEach
	void officer() {
		this.officer = this.world.officer(this.world.agency("US"));
	}

	@Test
	void refusesEachBadFieldByNameAndStoresNothing() {
		long requestsBefore = count("request");
		long lastEvent = this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
		Map<String, Object> bad = new HashMap<>();
		bad.put("type", "LEGAL_PROCESS");
		bad.put("legalBasis", "Warrant 12");
		bad.put("targets", List.of());
		bad.put("categories", List.of("BASIC_SUBSCRIBER", "EVERYTHING"));
		bad.put("from", "2021-01-01");
		bad.put("to", "2020-01-01");
		bad.put("nonDisclosureUntil", "2001-01-01");

		Api.Response response = this.api.as(this.officer.token()).post("/api/v1/requests", bad);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).containsExactlyInAnyOrder("instrument", "targets", "categories[1]", "from",
				"nonDisclosureUntil");
		assertThat(response.json().path("errors").get(2).path("message").asString()).contains("EVERYTHING");
		assertThat(count("request")).isEqualTo(requestsBefore);
		// The token's use for a write is recorded; nothing about a request is. (Only this
		// officer's events: background jobs of earlier tests may append their own.)
		assertThat(this.jdbc.sql("SELECT action FROM audit_event WHERE seq > ? AND actor_id = ?")
			.params(lastEvent, this.officer.id())
			.query(String.class)
			.list()).containsOnly("token.used");
	}

	@Test
	void recordsASubmissionWithTheTokensUseInOneTransaction() {
		long lastEvent = this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();

		Api.Response response = this.api.as(this.officer.token())
			.post("/api/v1/requests", World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		String id = response.json().path("id").asString();
		// The token's use comes first, then what it authorised, all written by the one
		// transaction that stored the request (as pending events), then moved into the
		// chain together before the 201 (docs/adr/0023).
		List<Map<String, Object>> events = this.jdbc.sql("""
				SELECT action, xmin::text AS tx FROM audit_event
				WHERE seq > ? AND (actor_id = ? OR subject_id = ?) ORDER BY seq""")
			.params(lastEvent, this.officer.id(), id)
			.query()
			.listOfRows();
		assertThat(events).extracting((row) -> row.get("action"))
			.startsWith("token.used", "request.submitted")
			.contains("request.screening-started");
		assertThat(events).extracting((row) -> row.get("tx")).containsOnly(events.get(0).get("tx"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_pending WHERE actor_id = ? OR subject_id = ?")
			.params(this.officer.id(), id)
			.query(Long.class)
			.single()).as("left pending after the 201").isZero();
	}

	@Test
	void refusesUnknownTypeMalformedJsonAndTooManyTargets() {
		Api.Call call = this.api.as(this.officer.token());
		assertThat(call.post("/api/v1/requests", Map.of("type", "SUBPOENA_PLEASE")).errorFields()).contains("type");

		Api.Response malformed = call.post("/api/v1/requests", "{\"type\": \"LEGAL_PROCESS\", ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorFields()).containsExactly("body");

		List<Map<String, String>> targets = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			targets.add(Map.of("kind", "USER_ID", "value", "u" + i));
		}
		Map<String, Object> tooMany = new HashMap<>(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		tooMany.put("targets", targets);
		Api.Response response = call.post("/api/v1/requests", tooMany);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("at most 1000");
	}

	@Test
	void refusesAnEmergencyWithoutThreatOrSupervisor() {
		Api.Response response = this.api.as(this.officer.token())
			.post("/api/v1/requests",
					Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "PHONE", "value", "+1 202 555 0199")),
							"categories", List.of("BASIC_SUBSCRIBER"), "emergency", Map.of("threat", " ")));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("emergency.threat", "emergency.supervisorName",
				"emergency.supervisorPhone");
	}

	@Test
	void keepsThePdfWithItsSha256() throws Exception {
		Api.Response response = this.api.as(this.officer.token())
			.postMultipart("/api/v1/requests", World.legalProcess("SEARCH_WARRANT", "CONTENT"), PDF, "warrant.pdf");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		String id = response.json().path("id").asString();
		String expected = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF));
		assertThat(this.jdbc.sql("SELECT sha256 FROM request_document WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(expected);
		Person reviewer = this.world.staff("REVIEWER");
		Api.Response document = this.api.as(reviewer.token()).get("/api/v1/cases/" + id + "/document");
		assertThat(document.bytes()).isEqualTo(PDF);
	}

	@Test
	void refusesADocumentThatIsNotAPdfOrTooLarge() {
		long before = count("request");
		Api.Call call = this.api.as(this.officer.token());
		Api.Response fake = call.postMultipart("/api/v1/requests", World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"),
				"MZ not a pdf".getBytes(), "warrant.pdf");
		assertThat(fake.status()).isEqualTo(400);
		assertThat(fake.errorFields()).containsExactly("document");

		byte[] large = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		Api.Response tooLarge = call.postMultipart("/api/v1/requests",
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"), large, "big.pdf");
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.errorFields()).containsExactly("document");
		assertThat(count("request")).isEqualTo(before);
	}

	@Test
	void replaysTheOriginalRequestForARepeatedIdempotencyKey() {
		Api.Call call = this.api.as(this.officer.token()).header("Idempotency-Key", "retry-42");
		Map<String, Object> request = World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER");
		Api.Response first = call.post("/api/v1/requests", request);
		Api.Response second = call.post("/api/v1/requests", request);
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.replayed()).isEqualTo("true");
		assertThat(second.json().path("id")).isEqualTo(first.json().path("id"));
		assertThat(second.json().path("caseNumber")).isEqualTo(first.json().path("caseNumber"));

		Api.Response different = call.post("/api/v1/requests", World.legalProcess("SUBPOENA", "NON_CONTENT"));
		assertThat(different.status()).isEqualTo(409);
	}

	@Test
	void givesEachRequestAUniqueReadableCaseNumber() {
		String a = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		String b = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		JsonNode first = this.world.officerView(this.officer, a);
		JsonNode second = this.world.officerView(this.officer, b);
		assertThat(first.path("caseNumber").asString()).matches("CR-20\\d\\d-\\d{6}");
		assertThat(first.path("caseNumber")).isNotEqualTo(second.path("caseNumber"));
	}

	@Test
	void screensEachCategoryAgainstTheInstrument() {
		Person reviewer = this.world.staff("REVIEWER");
		String id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER", "CONTENT"));
		JsonNode screening = this.api.as(reviewer.token()).get("/api/v1/cases/" + id).json().path("screening");
		assertThat(screening.findValuesAsString("category")).containsExactly("BASIC_SUBSCRIBER", "CONTENT");
		assertThat(screening.findValuesAsString("verdict")).containsExactly("SUPPORTED", "INSUFFICIENT_INSTRUMENT");

		Person hkOfficer = this.world.officer(this.world.agency("HK"));
		String foreign = this.world.submit(hkOfficer, World.legalProcess("SEARCH_WARRANT", "CONTENT"));
		JsonNode foreignScreening = this.api.as(reviewer.token())
			.get("/api/v1/cases/" + foreign)
			.json()
			.path("screening");
		assertThat(foreignScreening.findValuesAsString("verdict")).containsExactly("REQUIRES_MLAT");
	}

	@Test
	void appliesAJurisdictionsOwnLegalTierRule() {
		Person policyAdmin = this.world.staff("POLICY_ADMIN");
		Person reviewer = this.world.staff("REVIEWER");
		Person icelandic = this.world.officer(this.world.agency("IS"));
		String before = this.world.submit(icelandic, World.legalProcess("SUBPOENA", "NON_CONTENT"));
		assertThat(verdicts(reviewer, before)).containsExactly("INSUFFICIENT_INSTRUMENT");

		Api.Response changed = this.api.as(policyAdmin.token())
			.put("/api/v1/jurisdictions/IS/legal-tiers/SUBPOENA",
					Map.of("categories", List.of("BASIC_SUBSCRIBER", "NON_CONTENT")));
		assertThat(changed.json().path("legalTiers").path("SUBPOENA").size()).isEqualTo(2);

		String after = this.world.submit(icelandic, World.legalProcess("SUBPOENA", "NON_CONTENT"));
		assertThat(verdicts(reviewer, after)).containsExactly("SUPPORTED");
		assertThat(verdicts(reviewer, before)).as("screening already done stays as recorded")
			.containsExactly("INSUFFICIENT_INSTRUMENT");
	}

	private List<String> verdicts(Person reviewer, String id) {
		return this.api.as(reviewer.token())
			.get("/api/v1/cases/" + id)
			.json()
			.path("screening")
			.findValuesAsString("verdict");
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
