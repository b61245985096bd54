package org.custodian.preservation;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import org.custodian.disclosure.connector.SamplePlatform;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Agency;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Preservation end to end: the snapshot survives the user's deletion, is extended once,
 * is produced for the legal process that references it, and expires on the record; a
 * preservation held by a pause takes no snapshot.
 */
class PreservationIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SamplePlatform platform;

	@Autowired
	Preservations preservations;

	@TempDir
	Path temp;

	@Test
	void producesTheSnapshotAfterTheUserDeletedTheRecords() throws Exception {
		String account = anAccountWithRecords();
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		Person staff = this.world.staff("REVIEWER");
		String preservation = this.world.submit(officer, preservationOf(account));
		assertThat(this.world.officerView(officer, preservation).path("status").asString()).isEqualTo("PRESERVED");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.api.as(staff.token())
				.get("/api/v1/cases/" + preservation + "/preservation")
				.json()
				.path("status")
				.asString()).isEqualTo("ACTIVE"));
		JsonNode snapshot = this.api.as(staff.token()).get("/api/v1/cases/" + preservation + "/preservation").json();
		assertThat(snapshot.path("records").asLong()).isEqualTo(4);
		Instant expires = Instant.parse(snapshot.path("expiresAt").asString());
		assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));

		assertThat(this.platform.deleteRecords(account)).isEqualTo(4);

		Api.Response extended = this.api.as(officer.token())
			.post("/api/v1/requests/" + preservation + "/preservation/extension", Map.of());
		assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
		assertThat(Instant.parse(extended.json().path("expiresAt").asString()))
			.isEqualTo(expires.plus(Duration.ofDays(90)));
		assertThat(this.api.as(officer.token())
			.post("/api/v1/requests/" + preservation + "/preservation/extension", Map.of())
			.status()).as("only once").isEqualTo(409);

		String legal = this.world.submit(officer,
				Map.of("type", "LEGAL_PROCESS", "instrument", "SEARCH_WARRANT", "legalBasis", "Warrant 21-9", "targets",
						List.of(Map.of("kind", "USERNAME", "value", account)), "categories",
						List.of("BASIC_SUBSCRIBER", "NON_CONTENT", "CONTENT"), "from", "2020-01-01", "to", "2020-12-31",
						"offence", "Fraud"));
		Api.Response referenced = this.api.as(officer.token())
			.post("/api/v1/requests/" + legal + "/preservation-reference",
					Map.of("preservationRequestId", preservation));
		assertThat(referenced.status()).as(referenced.toString()).isEqualTo(200);
		decide(legal, List.of("BASIC_SUBSCRIBER", "NON_CONTENT", "CONTENT"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.world.officerView(officer, legal).path("status").asString())
				.isEqualTo("PRODUCED"));

		String passphrase = this.api.as(officer.token())
			.post("/api/v1/requests/" + legal + "/production/passphrase", Map.of())
			.json()
			.path("passphrase")
			.asString();
		Path zip = this.temp.resolve("p.zip");
		Files.write(zip, this.api.as(officer.token()).get("/api/v1/requests/" + legal + "/production").bytes());
		List<String> kinds = new ArrayList<>();
		try (ZipFile file = new ZipFile(zip.toFile(), passphrase.toCharArray())) {
			for (FileHeader header : file.getFileHeaders()) {
				if (header.getFileName().endsWith(".json") && header.getFileName().startsWith("targets/")) {
					try (InputStream in = file.getInputStream(header)) {
						Api.JSON.readTree(in.readAllBytes())
							.path("records")
							.forEach((record) -> kinds.add(record.path("kind").asString()));
					}
				}
			}
		}
		assertThat(kinds).as("the period leaves out the 2019 login")
			.containsExactlyInAnyOrder("profile", "login", "message");
		assertThat(this.world.officerView(officer, preservation).path("status").asString()).isEqualTo("CONVERTED");
	}

	@Test
	void withdrawingAPreservationPurgesItsSnapshotAtOnce() {
		String account = anAccountWithRecords();
		Person officer = this.world.officer(this.world.agency("US"));
		Person auditor = this.world.staff("AUDITOR");
		String preservation = this.world.submit(officer, preservationOf(account));
		awaitSnapshot(preservation);
		assertThat(snapshotSets(preservation)).isPositive();

		Api.Response withdrawn = this.api.as(officer.token())
			.post("/api/v1/requests/" + preservation + "/withdrawal", Map.of("reason", "Investigation closed"));
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(this.world.officerView(officer, preservation).path("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(snapshotSets(preservation)).isZero();
		assertThat(
				this.preservations.view(new org.custodian.shared.RequestId(UUID.fromString(preservation)),
						org.custodian.identity.CurrentUser.staff(org.custodian.shared.StaffId.random(),
								java.util.Set.of(org.custodian.identity.Role.AUDITOR)))
					.get("status"))
			.isEqualTo("WITHDRAWN");
		assertThat(this.api.as(auditor.token())
			.get("/api/v1/cases/" + preservation + "/timeline")
			.json()
			.findValuesAsString("action")).containsSubsequence("request.withdrawn", "preservation.withdrawn");
	}

	private void awaitSnapshot(String preservation) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					this.preservations.view(new org.custodian.shared.RequestId(UUID.fromString(preservation)),
							org.custodian.identity.CurrentUser.staff(org.custodian.shared.StaffId.random(),
									java.util.Set.of(org.custodian.identity.Role.AUDITOR)))
						.get("status"))
				.isEqualTo("ACTIVE"));
	}

	private long snapshotSets(String preservation) {
		return this.jdbc.sql("SELECT count(*) FROM preserved_records WHERE request_id = ?::uuid")
			.param(preservation)
			.query(Long.class)
			.single();
	}

	@Test
	void expiresASnapshotOnTheRecord() {
		String account = anAccountWithRecords();
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		Person auditor = this.world.staff("AUDITOR");
		String preservation = this.world.submit(officer, preservationOf(account));
		awaitSnapshot(preservation);
		assertThat(this.preservations.expire(Instant.now().plus(Duration.ofDays(91)))).isGreaterThanOrEqualTo(1);
		assertThat(this.world.officerView(officer, preservation).path("status").asString()).isEqualTo("EXPIRED");
		assertThat(this.jdbc.sql("SELECT count(*) FROM preserved_records WHERE request_id = ?::uuid")
			.param(preservation)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.api.as(auditor.token())
			.get("/api/v1/cases/" + preservation + "/timeline")
			.json()
			.findValuesAsString("action"))
			.contains("preservation.snapshot-taken", "preservation.expired", "request.preservation-expired");
	}

	@Test
	void takesNoSnapshotForAPreservationHeldByAPause() {
		String account = anAccountWithRecords();
		Agency agency = this.world.agency("IE");
		Person officer = this.world.officer(agency);
		Policies policies = new Policies(this.api, this.world);
		String pause = policies
			.enact(Policies.pause("IE", "FROM_AUTHORITIES", List.of("REVIEW", "PRODUCTION"), "ALL", null, null))
			.json()
			.path("id")
			.asString();
		try {
			String preservation = this.world.submit(officer, preservationOf(account));
			assertThat(this.world.officerView(officer, preservation).path("status").asString()).isEqualTo("ON_HOLD");
			Person staff = this.world.staff("REVIEWER");
			assertThat(this.api.as(staff.token()).get("/api/v1/cases/" + preservation + "/preservation").status())
				.isEqualTo(404);
			assertThat(this.api.as(officer.token())
				.post("/api/v1/requests/" + preservation + "/preservation/extension", Map.of())
				.status()).isEqualTo(409);
		}
		finally {
			assertThat(policies.lift(pause, "Test over").status()).isEqualTo(200);
		}
	}

	@Test
	void guardsThePreservationEndpoints() {
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		Person stranger = this.world.officer(this.world.agency("US"));
		Person reviewer = this.world.staff("REVIEWER");
		String preservation = this.world.submit(officer, preservationOf(anAccountWithRecords()));
		String extension = "/api/v1/requests/" + preservation + "/preservation/extension";
		String reference = "/api/v1/requests/" + preservation + "/preservation-reference";
		String view = "/api/v1/cases/" + preservation + "/preservation";
		assertThat(this.api.anonymous().post(extension, Map.of()).status()).isEqualTo(401);
		assertThat(this.api.as(reviewer.token()).post(extension, Map.of()).status()).isEqualTo(403);
		assertThat(this.api.as(stranger.token()).post(extension, Map.of()).status()).isEqualTo(404);
		Map<String, Object> body = Map.of("preservationRequestId", preservation);
		assertThat(this.api.anonymous().post(reference, body).status()).isEqualTo(401);
		assertThat(this.api.as(reviewer.token()).post(reference, body).status()).isEqualTo(403);
		assertThat(this.api.as(stranger.token()).post(reference, body).status()).isEqualTo(404);
		assertThat(this.api.anonymous().get(view).status()).isEqualTo(401);
		assertThat(this.api.as(officer.token()).get(view).status()).isEqualTo(403);
	}

	/**
	 * A user of the sample platform with a profile, logins in 2019 and 2020 and a
	 * message.
	 */
	private String anAccountWithRecords() {
		String account = "pres-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO platform_account (id, username, home_jurisdiction) VALUES (?, ?, 'US')")
			.params(account, account)
			.update();
		this.jdbc.sql("""
				INSERT INTO sample_record (account_id, category, kind, occurred_at, fields) VALUES
				  (:a, 'BASIC_SUBSCRIBER', 'profile', '2018-01-01Z', '{"username": "x"}'),
				  (:a, 'NON_CONTENT', 'login', '2019-05-01Z', '{"ip": "192.0.2.1"}'),
				  (:a, 'NON_CONTENT', 'login', '2020-02-01Z', '{"ip": "192.0.2.2"}'),
				  (:a, 'CONTENT', 'message', '2020-02-02Z', '{"body": "hello"}')""").param("a", account).update();
		return account;
	}

	private static Map<String, Object> preservationOf(String account) {
		return Map.of("type", "PRESERVATION", "legalBasis", "18 U.S.C. 2703(f)", "targets",
				List.of(Map.of("kind", "USERNAME", "value", account)));
	}

	private void decide(String id, List<String> categories) {
		Person reviewer = this.world.staff("REVIEWER");
		Person approver = this.world.staff("APPROVER");
		Api.Response proposed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", categories));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		Api.Response approved = this.api.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
	}

}
