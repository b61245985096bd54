package org.custodian.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the people and agencies a test needs through the real API, each with unique
 * names so tests can share a database.
 */
public final class World {

	private final Api api;

	private final String adminToken;

	public World(Api api, String adminToken) {
		this.api = api;
		this.adminToken = adminToken;
	}

	public Api.Call admin() {
		return this.api.as(this.adminToken);
	}

	/** A staff user with the given roles; returns id and token. */
	public Person staff(String... roles) {
		String email = "staff-" + UUID.randomUUID() + "@platform.example";
		Api.Response created = admin().post("/api/v1/staff",
				Map.of("email", email, "name",
						"Staff " + String.join("+", roles).toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
						"roles", List.of(roles)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asString();
		Api.Response token = admin().post("/api/v1/staff/" + id + "/tokens", Map.of());
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		return new Person(id, token.json().path("token").asString(), null);
	}

	/**
	 * A staff user who signs in to the console with a password (and then a second
	 * factor).
	 */
	public Account staffAccount(String password, String... roles) {
		String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@platform.example";
		Api.Response created = admin().post("/api/v1/staff",
				Map.of("email", email, "name",
						"Staff " + String.join("+", roles).toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
						"roles", List.of(roles), "password", password));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Account(created.json().path("id").asString(), email);
	}

	/** A verified agency in the jurisdiction, with a unique domain. */
	public Agency agency(String jurisdiction) {
		return agency(jurisdiction, true);
	}

	public Agency agency(String jurisdiction, boolean verified) {
		String domain = "a" + UUID.randomUUID().toString().substring(0, 8) + ".police.example";
		Api.Response created = admin().post("/api/v1/agencies", Map.of("name", "Police " + domain, "jurisdiction",
				jurisdiction, "kind", "POLICE", "emailDomains", List.of(domain), "callbackPhone", "+852 2860 2000"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asString();
		if (verified) {
			Api.Response verification = admin().post("/api/v1/agencies/" + id + "/verification", Map.of());
			assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
		}
		return new Agency(id, domain, jurisdiction);
	}

	/** An officer of the agency with an API token. */
	public Person officer(Agency agency) {
		String email = "officer-" + UUID.randomUUID().toString().substring(0, 8) + "@" + agency.domain();
		Api.Response created = admin().post("/api/v1/agencies/" + agency.id() + "/officers",
				Map.of("email", email, "name", "Inspector Test", "title", "Inspector"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asString();
		Api.Response token = admin().post("/api/v1/officers/" + id + "/tokens", Map.of());
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		return new Person(id, token.json().path("token").asString(), agency);
	}

	/** Submits a request and returns its id; asserts it was accepted. */
	public String submit(Person officer, Map<String, Object> request) {
		Api.Response response = this.api.as(officer.token()).post("/api/v1/requests", request);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	public static Map<String, Object> legalProcess(String instrument, String... categories) {
		return Map.of("type", "LEGAL_PROCESS", "instrument", instrument, "legalBasis", "Test warrant no. 1", "targets",
				List.of(Map.of("kind", "USERNAME", "value", "suspect01")), "categories", List.of(categories), "from",
				"2020-01-01", "to", "2020-06-30", "offence", "Fraud");
	}

	/** An assessment where every consideration is satisfied. */
	public static Map<String, Object> satisfiedAssessment() {
		Map<String, Object> assessment = new java.util.LinkedHashMap<>();
		for (String field : List.of("legality", "legitimateAim", "necessity", "proportionality", "competentAuthority",
				"companyPolicy", "humanRights")) {
			assessment.put(field, Map.of("verdict", "SATISFIED", "note", "Checked: " + field));
		}
		return assessment;
	}

	public static Map<String, Object> decision(String outcome, List<String> categories) {
		return Map.of("outcome", outcome, "categories", categories, "reason", "Valid process, scope proportionate",
				"assessment", satisfiedAssessment());
	}

	public JsonNode officerView(Person officer, String requestId) {
		Api.Response response = this.api.as(officer.token()).get("/api/v1/requests/" + requestId);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	public static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		return values;
	}

	/**
	 * A staff user or officer with their API token.
	 */
	public record Person(String id, String token, Agency agency) {
	}

	/**
	 * An account that signs in with an e-mail address.
	 */
	public record Account(String id, String email) {
	}

	/**
	 * A registered agency.
	 */
	public record Agency(String id, String domain, String jurisdiction) {
	}

}
