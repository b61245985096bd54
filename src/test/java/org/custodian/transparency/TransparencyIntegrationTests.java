package org.custodian.transparency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public report counts what happened to each jurisdiction's requests, in JSON and CSV
 * alike, without a token.
 */
class TransparencyIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportExportCommand command;

	@AfterEach
	void liftEverything() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void countsRequestsAccountsRejectionsAndHoldsPerJurisdiction() {
		String period = Period.of(Instant.now()).toString();
		JsonNode before = row(period, "NZ");
		String since = Instant.now().toString();
		Person nz = this.world.officer(this.world.agency("NZ"));
		Person reviewer = this.world.staff("REVIEWER");
		Person approver = this.world.staff("APPROVER");
		String overbroad = this.world.submit(nz, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Map<String, Object> reject = new HashMap<>(World.decision("REJECT", List.of()));
		reject.put("rejectionReason", "OVERBROAD");
		this.api.as(reviewer.token()).post("/api/v1/cases/" + overbroad + "/decision", reject);
		this.api.as(approver.token()).post("/api/v1/cases/" + overbroad + "/approval", Map.of("approve", true));
		Map<String, Object> twoAccounts = new HashMap<>(World.legalProcess("COURT_ORDER", "NON_CONTENT"));
		twoAccounts.put("targets",
				List.of(Map.of("kind", "USERNAME", "value", "a"), Map.of("kind", "EMAIL", "value", "b@example.org")));
		this.world.submit(nz, twoAccounts);
		this.world.submit(nz, Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "USERNAME", "value", "c")),
				"categories", List.of("BASIC_SUBSCRIBER"), "emergency",
				Map.of("threat", "Hostage", "supervisorName", "Sgt. Ngata", "supervisorPhone", "+64 4 555 0100")));
		this.world.submit(nz, Map.of("type", "PRESERVATION", "targets",
				List.of(Map.of("kind", "USERNAME", "value", "d"), Map.of("kind", "USERNAME", "value", "e"))));
		new Policies(this.api, this.world)
			.enact(Policies.pause("NZ", "FROM_AUTHORITIES", List.of("REVIEW"), "NEW_ONLY", since, null));

		JsonNode after = row(period, "NZ");
		assertThat(after).isNotNull();
		assertThat(delta(before, after, "requests")).isEqualTo(3);
		assertThat(delta(before, after, "accounts")).isEqualTo(4);
		assertThat(delta(before, after, "legalProcessRequests")).isEqualTo(2);
		assertThat(delta(before, after, "emergencyRequests")).isEqualTo(1);
		assertThat(delta(before, after, "preservationRequests")).isEqualTo(1);
		assertThat(delta(before, after, "accountsPreserved")).isEqualTo(2);
		assertThat(delta(before, after, "heldUnderPause")).isEqualTo(2);
		assertThat(after.path("rejectionsByReason").path("OVERBROAD").asLong()
				- ((before != null) ? before.path("rejectionsByReason").path("OVERBROAD").asLong() : 0))
			.isEqualTo(1);

		Api.Response csv = this.api.anonymous().get("/api/v1/transparency/reports/" + period + "?format=csv");
		assertThat(csv.contentType()).startsWith("text/csv");
		String nzLine = csv.text().lines().filter((line) -> line.contains(",NZ,")).findFirst().orElseThrow();
		assertThat(nzLine).startsWith(
				String.join(",", period, "NZ", after.path("requests").asString(), after.path("accounts").asString(),
						after.path("percentProduced").asString(), after.path("legalProcessRequests").asString()));
		assertThat(
				this.api.anonymous().header("Accept", "text/csv").get("/api/v1/transparency/reports/" + period).text())
			.isEqualTo(csv.text());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = this.command.run(List.of("--period", period, "--format", "csv"),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv.text());
	}

	private JsonNode row(String period, String jurisdiction) {
		Api.Response json = this.api.anonymous().get("/api/v1/transparency/reports/" + period);
		assertThat(json.status()).isEqualTo(200);
		for (JsonNode candidate : json.json().path("jurisdictions")) {
			if (jurisdiction.equals(candidate.path("jurisdiction").asString())) {
				return candidate;
			}
		}
		return null;
	}

	private static long delta(JsonNode before, JsonNode after, String field) {
		return after.path(field).asLong() - ((before != null) ? before.path(field).asLong() : 0);
	}

	@Test
	void refusesAPeriodThatIsNotAHalfYear() {
		Api.Response response = this.api.anonymous().get("/api/v1/transparency/reports/2020-Q3");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("period");
	}

}
