package org.custodian.transparency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.custodian.audit.AuditLog;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published report is signed, cites the audit log's head, and {@code report verify}
 * recomputes it from that log: it passes as published and fails once the audit log, the
 * stored report, a downloaded copy or the ledger it was computed from has been altered.
 */
class ReportPublicationIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportVerifyCommand verify;

	@Autowired
	TransparencyReports reports;

	@Autowired
	AuditLog auditLog;

	@Autowired
	PlatformTransactionManager transactions;

	private final String period = Period.of(Instant.now()).toString();

	private Person publisher;

	private Person second;

	@BeforeEach
	void publishers() {
		this.publisher = this.world.staff("POLICY_ADMIN");
		this.second = this.world.staff("POLICY_ADMIN");
	}

	/**
	 * Three requests: one rejected as overbroad, one preservation of two accounts, and
	 * one held by a pause.
	 */
	private void someRequestsFrom(String jurisdiction) {
		Person officer = this.world.officer(this.world.agency(jurisdiction));
		Person reviewer = this.world.staff("REVIEWER");
		Person approver = this.world.staff("APPROVER");
		String overbroad = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Map<String, Object> reject = new HashMap<>(World.decision("REJECT", List.of()));
		reject.put("rejectionReason", "OVERBROAD");
		this.api.as(reviewer.token()).post("/api/v1/cases/" + overbroad + "/decision", reject);
		this.api.as(approver.token()).post("/api/v1/cases/" + overbroad + "/approval", Map.of("approve", true));
		this.world.submit(officer, Map.of("type", "PRESERVATION", "targets",
				List.of(Map.of("kind", "USERNAME", "value", "d"), Map.of("kind", "USERNAME", "value", "e"))));
		new Policies(this.api, this.publisher, this.second).enact(Policies.pause(jurisdiction, "FROM_AUTHORITIES",
				List.of("REVIEW"), "NEW_ONLY", Instant.now().toString(), null));
		this.world.submit(officer, World.legalProcess("COURT_ORDER", "NON_CONTENT"));
	}

	@AfterEach
	void liftEverything() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void aPublishedReportIsSignedCitesTheAuditHeadAndVerifies() throws Exception {
		someRequestsFrom("PY");
		long eventsBefore = this.auditLog.head().events();
		JsonNode envelope = publish();
		JsonNode paraguay = row(envelope.path("report"), "PY");
		assertThat(paraguay.path("requests").asLong()).isEqualTo(2);
		assertThat(paraguay.path("preservationRequests").asLong()).isEqualTo(1);
		assertThat(paraguay.path("accountsPreserved").asLong()).isEqualTo(2);
		assertThat(paraguay.path("heldUnderPause").asLong()).isEqualTo(1);
		assertThat(paraguay.path("rejectionsByReason").path("OVERBROAD").asLong()).isEqualTo(1);
		assertThat(envelope.path("auditEventCount").asLong()).isGreaterThanOrEqualTo(eventsBefore);
		assertThat(envelope.path("auditHeadHash").asString())
			.isEqualTo(this.auditLog.hashOf(envelope.path("auditEventCount").asLong()).orElseThrow());

		// Anyone can check the signature with the published key and a plain Ed25519
		// verifier.
		String[] jws = envelope.path("jws").asString().split("\\.");
		assertThat(new String(Base64.getUrlDecoder().decode(jws[0]), StandardCharsets.UTF_8)).contains("\"EdDSA\"");
		JsonNode key = this.api.anonymous().get("/.well-known/custodian/production-signing-key").json();
		PublicKey publicKey = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asString())));
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initVerify(publicKey);
		ed25519.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(ed25519.verify(Base64.getUrlDecoder().decode(jws[2]))).isTrue();
		assertThat(Api.JSON.readTree(Base64.getUrlDecoder().decode(jws[1]))).isEqualTo(envelope.path("report"));

		String id = envelope.path("id").asString();
		assertThat(this.api.anonymous().get("/api/v1/transparency/publications/" + id).json().path("jws"))
			.isEqualTo(envelope.path("jws"));
		assertThat(this.api.anonymous().get("/api/v1/transparency/publications").json().findValues("id"))
			.anySatisfy((listed) -> assertThat(listed.asString()).isEqualTo(id));

		String page = this.api.anonymous().get("/transparency?period=" + this.period).text();
		assertThat(page).contains("Signed reports", "/api/v1/transparency/publications/" + id,
				"(head " + envelope.path("auditHeadHash").asString().substring(0, 16) + ")");

		String output = run("--id", id);
		assertThat(output).contains("ok      Ed25519 signature", "ok      The audit log's hash chain is intact",
				"has the published head hash", "follow from the first " + envelope.path("auditEventCount").asLong(),
				"Report verified.");
		assertThat(exit("--period", this.period)).isZero();
	}

	@Test
	void aDownloadedReportVerifiesUntilItsFiguresOrItsSignedPayloadAreChanged(@TempDir Path directory)
			throws IOException {
		someRequestsFrom("CL");
		JsonNode envelope = publish();
		Path file = directory.resolve("report.json");
		Files.writeString(file, envelope.toString());
		assertThat(exit("--file", file.toString())).isZero();

		ObjectNode edited = (ObjectNode) envelope.deepCopy();
		ObjectNode chile = (ObjectNode) row(edited.path("report"), "CL");
		chile.put("requests", chile.path("requests").asLong() + 1);
		Files.writeString(file, edited.toString());
		assertThat(run("--file", file.toString())).contains("FAILED  The file's readable report is the signed one",
				"Report NOT verified.");

		String[] jws = envelope.path("jws").asString().split("\\.");
		String forgedPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(edited.path("report").toString().getBytes(StandardCharsets.UTF_8));
		edited.put("jws", jws[0] + "." + forgedPayload + "." + jws[2]);
		Files.writeString(file, edited.toString());
		assertThat(run("--file", file.toString())).contains("does NOT match the report", "Report NOT verified.");
	}

	@Test
	void alteringTheStoredReportAfterPublicationIsDetected() {
		someRequestsFrom("CL");
		String id = publish().path("id").asString();
		String document = this.jdbc.sql("SELECT document FROM transparency_publication WHERE id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
		ObjectNode edited = (ObjectNode) Api.JSON.readTree(document);
		ObjectNode chile = (ObjectNode) row(edited, "CL");
		chile.put("heldUnderPause", chile.path("heldUnderPause").asLong() - 1);
		alter("transparency_publication", "transparency_publication_immutable",
				"UPDATE transparency_publication SET document = '" + edited.toString().replace("'", "''")
						+ "' WHERE id = '" + id + "'");
		try {
			assertThat(run("--id", id)).contains("FAILED  The stored report is the signed one", "Report NOT verified.");
		}
		finally {
			alter("transparency_publication", "transparency_publication_immutable",
					"UPDATE transparency_publication SET document = '" + document.replace("'", "''") + "' WHERE id = '"
							+ id + "'");
		}
		assertThat(exit("--id", id)).isZero();
	}

	@Test
	void alteringAnAuditRowAfterPublicationIsDetected() {
		someRequestsFrom("CL");
		String id = publish().path("id").asString();
		long seq = this.jdbc.sql("""
				SELECT max(e.seq) FROM audit_event e JOIN request r ON r.id::text = e.subject_id
				WHERE e.action = 'request.submitted' AND r.jurisdiction = 'CL'""").query(Long.class).single();
		String details = this.jdbc.sql("SELECT details FROM audit_event WHERE seq = ?")
			.param(seq)
			.query(String.class)
			.single();
		alter("audit_event", "audit_event_append_only", "UPDATE audit_event SET details = '"
				+ details.replace("\"CL\"", "\"PE\"").replace("'", "''") + "' WHERE seq = " + seq);
		try {
			assertThat(run("--id", id)).contains("FAILED  The audit log is BROKEN at event " + seq,
					"CL requests: published", "do NOT follow from the first", "Report NOT verified.");
		}
		finally {
			alter("audit_event", "audit_event_append_only",
					"UPDATE audit_event SET details = '" + details.replace("'", "''") + "' WHERE seq = " + seq);
		}
		assertThat(exit("--id", id)).isZero();
	}

	@Test
	void figuresThatDoNotFollowFromTheAuditLogFailVerification() {
		someRequestsFrom("CL");
		String chileRequest = this.jdbc.sql(
				"SELECT request_id::text FROM transparency_request WHERE jurisdiction = 'CL' AND type = 'LEGAL_PROCESS' "
						+ "AND NOT held AND NOT produced LIMIT 1")
			.query(String.class)
			.single();
		this.jdbc.sql("UPDATE transparency_request SET produced = true WHERE request_id = ?::uuid")
			.param(chileRequest)
			.update();
		try {
			String id = publish().path("id").asString();
			assertThat(run("--id", id)).contains("ok      Ed25519 signature", "CL percentProduced: published",
					"Report NOT verified.");
		}
		finally {
			this.jdbc.sql("UPDATE transparency_request SET produced = false WHERE request_id = ?::uuid")
				.param(chileRequest)
				.update();
		}
	}

	@Test
	void theLedgerAndTheAuditLogTellTheSameFigures() {
		someRequestsFrom("CL");
		Period current = Period.parse(this.period);
		// One snapshot for the head and both aggregates: background jobs keep appending.
		TransactionTemplate snapshot = new TransactionTemplate(this.transactions);
		snapshot.setReadOnly(true);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.executeWithoutResult(
				(status) -> assertThat(this.reports.reportFromAuditLog(current, this.auditLog.head().events()))
					.isEqualTo(this.reports.report(current))
					.anySatisfy((row) -> assertThat(row.jurisdiction()).isEqualTo("CL")));
	}

	@Test
	void onlyPolicyAdministratorsPublishAndAnyoneReads() {
		String path = "/api/v1/transparency/reports/" + this.period + "/publications";
		assertThat(this.api.anonymous().post(path, Map.of()).status()).isEqualTo(401);
		assertThat(this.api.as(this.world.staff("REVIEWER").token()).post(path, Map.of()).status()).isEqualTo(403);
		assertThat(this.api.as(this.world.officer(this.world.agency("CL")).token()).post(path, Map.of()).status())
			.isEqualTo(403);
		assertThat(this.api.as(this.world.staff("ADMIN").token()).post(path, Map.of()).status()).isEqualTo(202);
		assertThat(this.api.anonymous().get("/api/v1/transparency/publications").status()).isEqualTo(200);
		assertThat(this.api.anonymous()
			.get("/api/v1/transparency/publications/00000000-0000-0000-0000-000000000000")
			.status()).isEqualTo(404);
	}

	@Test
	void refusesAPeriodThatIsNotAHalfYearOrHasNotBegun() {
		Api.Call admin = this.api.as(this.publisher.token());
		Api.Response bad = admin.post("/api/v1/transparency/reports/2020-Q3/publications", Map.of());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("period");
		Api.Response future = admin.post("/api/v1/transparency/reports/2999-H1/publications", Map.of());
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.errorFields()).containsExactly("period");
		assertThat(exit("--period", "2999-H1")).isEqualTo(1);
		assertThat(exit()).isEqualTo(2);
	}

	/** Proposed by one policy administrator, confirmed (and so signed) by the other. */
	private JsonNode publish() {
		Api.Response proposed = this.api.as(this.publisher.token())
			.post("/api/v1/transparency/reports/" + this.period + "/publications", Map.of());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		Api.Response response = this.api.as(this.second.token())
			.post("/api/v1/transparency/reports/" + this.period + "/publications/"
					+ proposed.json().path("id").asString() + "/confirmation", Map.of());
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private static JsonNode row(JsonNode report, String jurisdiction) {
		for (JsonNode row : report.path("jurisdictions")) {
			if (jurisdiction.equals(row.path("jurisdiction").asString())) {
				return row;
			}
		}
		throw new AssertionError("No row for " + jurisdiction + " in " + report);
	}

	/**
	 * What someone with database access could do: switch the guard off, edit, switch it
	 * on.
	 */
	private void alter(String table, String trigger, String update) {
		this.jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger).update();
		try {
			this.jdbc.sql(update).update();
		}
		finally {
			this.jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger).update();
		}
	}

	private String run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.verify.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	private int exit(String... arguments) {
		return this.verify.run(List.of(arguments), new PrintStream(new ByteArrayOutputStream()));
	}

}
