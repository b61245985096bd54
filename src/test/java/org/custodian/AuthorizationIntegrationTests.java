package org.custodian;

import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Agency;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every endpoint: no token is 401, a role that may not act is 403, and another agency's
 * request is 404 (its existence is not revealed).
 */
class AuthorizationIntegrationTests extends IntegrationTest {

	static final String UUID0 = "00000000-0000-0000-0000-000000000000";

	Person officer;

	Person otherOfficer;

	Person reviewer;

	Person approver;

	Person auditor;

	Agency agency;

	String requestId;

	@BeforeEach
	void setUp() {
		this.agency = this.world.agency("US");
		this.officer = this.world.officer(this.agency);
		this.otherOfficer = this.world.officer(this.world.agency("US"));
		this.reviewer = this.world.staff("REVIEWER");
		this.approver = this.world.staff("APPROVER");
		this.auditor = this.world.staff("AUDITOR");
		this.requestId = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
	}

	@Test
	void everyEndpointRefusesCallersWithoutAValidToken() {
		for (Endpoint endpoint : endpoints()) {
			assertThat(endpoint.call(this.api.anonymous()).status()).as("no token: " + endpoint).isEqualTo(401);
			assertThat(endpoint.call(this.api.as("cst_not-a-real-token-but-long-enough-to-try")).status())
				.as("bad token: " + endpoint)
				.isEqualTo(401);
		}
	}

	@Test
	void everyEndpointRefusesRolesThatMayNotAct() {
		String r = "/api/v1/cases/" + this.requestId;
		Map<Endpoint, Person> forbidden = Map.ofEntries(Map.entry(post("/api/v1/staff"), this.reviewer),
				Map.entry(post("/api/v1/staff/" + this.reviewer.id() + "/tokens"), this.approver),
				Map.entry(post("/api/v1/tokens/00000000-0000-0000-0000-000000000000/revocation"), this.auditor),
				Map.entry(post("/api/v1/agencies"), this.reviewer),
				Map.entry(get("/api/v1/agencies/" + this.agency.id()), this.officer),
				Map.entry(post("/api/v1/agencies/" + this.agency.id() + "/verification"), this.reviewer),
				Map.entry(post("/api/v1/agencies/" + this.agency.id() + "/officers"), this.officer),
				Map.entry(post("/api/v1/officers/" + this.officer.id() + "/tokens"), this.officer),
				Map.entry(post("/api/v1/requests"), this.reviewer), Map.entry(get("/api/v1/requests"), this.reviewer),
				Map.entry(get("/api/v1/requests/" + this.requestId), this.auditor),
				Map.entry(post("/api/v1/requests/" + this.requestId + "/withdrawal"), this.reviewer),
				Map.entry(get("/api/v1/cases"), this.officer), Map.entry(get(r), this.officer),
				Map.entry(get(r + "/timeline"), this.officer), Map.entry(get(r + "/document"), this.officer),
				Map.entry(post(r + "/assignment"), this.auditor), Map.entry(post(r + "/decision"), this.approver),
				Map.entry(post(r + "/approval"), this.reviewer), Map.entry(post(r + "/questions"), this.auditor),
				Map.entry(get("/api/v1/jurisdictions/HK/policy"), this.officer),
				Map.entry(put("/api/v1/jurisdictions/HK/legal-tiers/SUBPOENA"), this.reviewer),
				Map.entry(get("/api/v1/audit/verification"), this.reviewer),
				Map.entry(post("/api/v1/pauses/preview"), this.reviewer),
				Map.entry(post("/api/v1/pauses"), this.auditor),
				Map.entry(post("/api/v1/pauses/" + UUID0 + "/lifting"), this.approver),
				Map.entry(put("/api/v1/jurisdictions/HK/mlat-only"), this.reviewer),
				Map.entry(put("/api/v1/jurisdictions/HK/risk"), this.reviewer),
				Map.entry(post("/api/v1/assessments"), this.reviewer),
				Map.entry(get("/api/v1/assessments/" + UUID0), this.officer),
				Map.entry(post("/api/v1/assessments/" + UUID0 + "/consultations"), this.reviewer),
				Map.entry(post("/api/v1/assessments/" + UUID0 + "/conclusion"), this.approver),
				Map.entry(post("/api/v1/assessments/" + UUID0 + "/sign-off"), this.auditor),
				Map.entry(post("/api/v1/sanctions/lists"), this.reviewer),
				Map.entry(get("/api/v1/sanctions/lists"), this.officer),
				Map.entry(post(r + "/sanctions-review"), this.reviewer),
				Map.entry(post(r + "/human-rights-review"), this.reviewer));
		assertThat(forbidden.keySet()).containsAll(endpoints());
		assertSoftly((softly) -> forbidden.forEach((endpoint, person) -> {
			Api.Response response = endpoint.call(this.api.as(person.token()));
			softly.assertThat(response.status()).as(endpoint + " as " + person).isEqualTo(403);
			softly.assertThat(response.contentType()).as(endpoint.toString()).startsWith("application/problem+json");
		}));
	}

	@Test
	void anotherAgencysRequestIsNotFound() {
		Api.Call other = this.api.as(this.otherOfficer.token());
		String path = "/api/v1/requests/" + this.requestId;
		assertThat(other.get(path).status()).isEqualTo(404);
		assertThat(other.post(path + "/withdrawal", Map.of()).status()).isEqualTo(404);
		assertThat(other.post(path + "/answers", Map.of("answer", "x")).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/requests").json().path("items").findValuesAsString("id"))
			.doesNotContain(this.requestId);
		assertThat(this.world.officerView(this.officer, this.requestId).path("status").asString())
			.isEqualTo("IN_REVIEW");
	}

	@Test
	void aRevokedTokenNoLongerWorks() {
		Person staff = this.world.staff("AUDITOR");
		Api.Response issued = this.world.admin().post("/api/v1/staff/" + staff.id() + "/tokens", Map.of());
		String token = issued.json().path("token").asString();
		assertThat(this.api.as(token).get("/api/v1/audit/verification").status()).isEqualTo(200);
		this.world.admin().post("/api/v1/tokens/" + issued.json().path("id").asString() + "/revocation", Map.of());
		assertThat(this.api.as(token).get("/api/v1/audit/verification").status()).isEqualTo(401);
	}

	private List<Endpoint> endpoints() {
		String r = "/api/v1/cases/" + this.requestId;
		return List.of(post("/api/v1/staff"), post("/api/v1/staff/" + this.reviewer.id() + "/tokens"),
				post("/api/v1/tokens/00000000-0000-0000-0000-000000000000/revocation"), post("/api/v1/agencies"),
				get("/api/v1/agencies/" + this.agency.id()),
				post("/api/v1/agencies/" + this.agency.id() + "/verification"),
				post("/api/v1/agencies/" + this.agency.id() + "/officers"),
				post("/api/v1/officers/" + this.officer.id() + "/tokens"), post("/api/v1/requests"),
				get("/api/v1/requests"), get("/api/v1/requests/" + this.requestId),
				post("/api/v1/requests/" + this.requestId + "/withdrawal"), get("/api/v1/cases"), get(r),
				get(r + "/timeline"), get(r + "/document"), post(r + "/assignment"), post(r + "/decision"),
				post(r + "/approval"), post(r + "/questions"), get("/api/v1/jurisdictions/HK/policy"),
				put("/api/v1/jurisdictions/HK/legal-tiers/SUBPOENA"), get("/api/v1/audit/verification"),
				post("/api/v1/pauses/preview"), post("/api/v1/pauses"), post("/api/v1/pauses/" + UUID0 + "/lifting"),
				put("/api/v1/jurisdictions/HK/mlat-only"), put("/api/v1/jurisdictions/HK/risk"),
				post("/api/v1/assessments"), get("/api/v1/assessments/" + UUID0),
				post("/api/v1/assessments/" + UUID0 + "/consultations"),
				post("/api/v1/assessments/" + UUID0 + "/conclusion"),
				post("/api/v1/assessments/" + UUID0 + "/sign-off"), post("/api/v1/sanctions/lists"),
				get("/api/v1/sanctions/lists"), post(r + "/sanctions-review"), post(r + "/human-rights-review"));
	}

	private static Endpoint get(String path) {
		return new Endpoint("GET", path);
	}

	private static Endpoint post(String path) {
		return new Endpoint("POST", path);
	}

	private static Endpoint put(String path) {
		return new Endpoint("PUT", path);
	}

	record Endpoint(String method, String path) {

		Api.Response call(Api.Call call) {
			return switch (this.method) {
				case "GET" -> call.get(this.path);
				case "PUT" -> call.put(this.path, Map.of());
				default -> call.post(this.path, Map.of());
			};
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
