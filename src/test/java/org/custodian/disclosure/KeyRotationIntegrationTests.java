package org.custodian.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.custodian.CustodianApplication;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Instances;
import org.custodian.support.TestDatabase;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.custodian.shared.cli.Command;
import org.custodian.shared.cli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both keys rotate on a platform of its own (its own database: the other tests' contexts
 * seal with the run's one master key): the signing key with {@code keys rotate-signing},
 * the master key with {@code keys rotate-master}; afterwards, on a node that knows only
 * the new master key, the package and the report published before still verify
 * ({@code verify-package}, {@code report verify}), the audit log verifies with its
 * checkpoints, and new packages are signed with the new key.
 */
class KeyRotationIntegrationTests {

	static final String NEW_MASTER_KEY = Base64.getEncoder()
		.encodeToString("a new master key of 32 bytes....".getBytes());

	@TempDir
	Path temp;

	@Test
	void rotatingBothKeysLeavesEveryEarlierPackageAndPublicationVerifiable() throws Exception {
		TestDatabase database = TestDatabase.get().separate();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), ""));
		Path storage = this.temp.resolve("productions");
		Package before;
		String publication;
		String oldKey;
		try (ConfigurableApplicationContext node = node(database, storage, Instances.MASTER_KEY)) {
			World world = Instances.world(node);
			Api api = Instances.api(node);
			before = produce(world, api);
			publication = publish(world, api);
			oldKey = activeKeyId(api);
			assertThat(command(node, "keys rotate-signing")).startsWith("0 Signing with key");
		}
		String rotated = cli(database, storage, "keys", "rotate-master", "--custodian.master-key=" + NEW_MASTER_KEY,
				"--custodian.master-key-previous=" + Instances.MASTER_KEY);
		assertThat(rotated).startsWith("0 ")
			.containsPattern("signing_key.private_key_sealed +2 re-sealed")
			.containsPattern("audit_checkpoint_key.private_key_sealed +[0-9]+ re-sealed");
		assertThat(cli(database, storage, "keys", "rotate-master", "--custodian.master-key=" + NEW_MASTER_KEY))
			.as("run again: nothing left under the old key")
			.startsWith("0 ")
			.doesNotContainPattern(" [1-9][0-9]* re-sealed");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'keys.master-rotated'")
			.query(Long.class)
			.single()).isEqualTo(2);

		try (ConfigurableApplicationContext node = node(database, storage, NEW_MASTER_KEY)) {
			World world = Instances.world(node);
			Api api = Instances.api(node);
			String newKey = activeKeyId(api);
			assertThat(newKey).isNotEqualTo(oldKey);
			JsonNode jwks = api.anonymous().get("/.well-known/custodian/jwks.json").json();
			assertThat(jwks.path("keys").findValuesAsString("kid")).containsExactly(newKey, oldKey);
			assertThat(jwks.path("keys").get(1).has("custodian:notAfter")).isTrue();
			assertThat(jwks.path("keys").get(0).has("custodian:notAfter")).isFalse();
			Path jwksFile = this.temp.resolve("jwks.json");
			Files.write(jwksFile, api.anonymous().get("/.well-known/custodian/jwks.json").bytes());

			assertThat(command(node, "verify-package", before.zip().toString(), "--passphrase-file",
					before.passphrase().toString()))
				.startsWith("0 Package VALID");
			assertThat(command(node, "verify-package", before.zip().toString(), "--passphrase-file",
					before.passphrase().toString(), "--public-key", jwksFile.toString()))
				.startsWith("0 Package VALID");
			assertThat(command(node, "report verify", "--id", publication)).startsWith("0 ")
				.contains("Report verified.");
			assertThat(command(node, "audit verify")).startsWith("0 Audit log valid");

			Package after = produce(world, api);
			assertThat(command(node, "verify-package", after.zip().toString(), "--passphrase-file",
					after.passphrase().toString(), "--public-key", jwksFile.toString()))
				.startsWith("0 Package VALID")
				.contains(newKey);
		}
		finally {
			jdbc.sql("""
					SELECT pg_terminate_backend(pid) FROM pg_stat_activity
					WHERE datname = current_database() AND pid <> pg_backend_pid()""").query().listOfRows();
		}
	}

	private Package produce(World world, Api api) throws Exception {
		Person officer = world.officer(world.agency("US"));
		String id = world.submit(officer, World.legalProcess("SEARCH_WARRANT", "BASIC_SUBSCRIBER"));
		Person reviewer = world.staff("REVIEWER");
		assertThat(api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")))
			.status()).isEqualTo(200);
		Person approver = world.staff("APPROVER");
		assertThat(api.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"))
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> "PRODUCED".equals(world.officerView(officer, id).path("status").asString()));
		String secret = api.as(officer.token())
			.post("/api/v1/requests/" + id + "/production/passphrase", Map.of())
			.json()
			.path("passphrase")
			.asString();
		Path zip = this.temp.resolve(id + ".zip");
		Files.write(zip, api.as(officer.token()).get("/api/v1/requests/" + id + "/production").bytes());
		Path passphrase = this.temp.resolve(id + ".txt");
		Files.writeString(passphrase, secret);
		return new Package(zip, passphrase);
	}

	private static String publish(World world, Api api) {
		Person first = world.staff("POLICY_ADMIN");
		Person second = world.staff("POLICY_ADMIN");
		String period = org.custodian.transparency.Period.of(java.time.Instant.now()).toString();
		Api.Response proposed = api.as(first.token())
			.post("/api/v1/transparency/reports/" + period + "/publications", Map.of());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		Api.Response confirmed = api.as(second.token())
			.post("/api/v1/transparency/reports/" + period + "/publications/" + proposed.json().path("id").asString()
					+ "/confirmation", Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
		return confirmed.json().path("id").asString();
	}

	private static String activeKeyId(Api api) {
		return api.anonymous().get("/.well-known/custodian/production-signing-key").json().path("keyId").asString();
	}

	/** A command as the jar runs it, in a node's context. */
	private static String command(ConfigurableApplicationContext node, String name, String... arguments) {
		Command command = node.getBeansOfType(Command.class)
			.values()
			.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	/** {@code java -jar custodian.jar …} on this platform's database. */
	private static String cli(TestDatabase database, Path storage, String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.addAll(List.of("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
				"--custodian.disclosure.storage=" + storage));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = CommandLine.run(CustodianApplication.class, all.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	private static ConfigurableApplicationContext node(TestDatabase database, Path storage, String masterKey) {
		return new SpringApplicationBuilder(CustodianApplication.class).run("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
				"--server.port=0", "--server.shutdown=immediate", "--custodian.master-key=" + masterKey,
				"--custodian.disclosure.storage=" + storage,
				"--custodian.audit.checkpoint-mirror=" + storage.resolveSibling("mirror"),
				"--custodian.bootstrap.admin-email=admin@platform.example",
				"--custodian.bootstrap.admin-password=correct horse battery staple",
				"--custodian.bootstrap.admin-token=" + IntegrationTest.ADMIN_TOKEN);
	}

	private record Package(Path zip, Path passphrase) {
	}

}
