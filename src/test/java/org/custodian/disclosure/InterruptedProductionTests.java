package org.custodian.disclosure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodian.CustodianApplication;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Instances;
import org.custodian.support.TestDatabase;
import org.custodian.support.World;
import org.custodian.support.World.Person;
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
 * A node killed (SIGKILL) while it builds a production: another node takes the job over
 * within about a minute, removes the half-written file, says on the case that the
 * production was interrupted and is resuming, and releases the package.
 */
class InterruptedProductionTests {

	private static final String QUERY = "SELECT 'subscriber' AS kind, NULL::timestamptz AS occurred_at, "
			+ ":account AS account";

	@TempDir
	Path temp;

	@Test
	void anotherNodeResumesAProductionWhoseNodeWasKilledMidBuild() throws Exception {
		TestDatabase database = TestDatabase.get().separate();
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), ""));
		Path storage = this.temp.resolve("productions");
		int port = Instances.freePort();
		Process first = startNode(database, storage, port);
		ConfigurableApplicationContext second = null;
		try {
			Api api = new Api(port);
			await().atMost(Duration.ofSeconds(180))
				.ignoreExceptions()
				.until(() -> api.anonymous().get("/actuator/health").status() == 200);
			// The platform's account, as its own systems would fill the directory.
			jdbc.sql("INSERT INTO platform_account (id, username, home_jurisdiction) VALUES ('slow-001', 'slow', 'US')")
				.update();
			World world = new World(api, IntegrationTest.ADMIN_TOKEN);
			Person officer = world.officer(world.agency("US"));
			Person auditor = world.staff("AUDITOR");
			String id = world.submit(officer,
					Map.of("type", "LEGAL_PROCESS", "instrument", "SEARCH_WARRANT", "legalBasis", "Warrant 21-7",
							"targets", List.of(Map.of("kind", "USERNAME", "value", "slow")), "categories",
							List.of("BASIC_SUBSCRIBER"), "offence", "Fraud"));
			decide(world, api, id);
			Path part = storage.resolve(id + ".zip.part1");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> Files.exists(part)
						&& "BUILDING".equals(production(api, auditor, id).path("status").asString()));
			assertThat(pickedBy(jdbc, id)).as("the node's own scheduler name").endsWith("-" + first.pid());

			first.destroyForcibly().waitFor();
			Instant killed = Instant.now();
			// Left by an older crash, of a production no longer being built: swept at
			// start-up.
			Path stale = Files.createFile(storage.resolve(UUID.randomUUID() + ".zip.part3"));
			second = new SpringApplicationBuilder(CustodianApplication.class).run(nodeSettings(database, storage, 0,
					"--custodian.disclosure.jdbc.queries.BASIC_SUBSCRIBER=" + QUERY));
			Api survivor = Instances.api(second);
			Instant up = Instant.now();
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> "PRODUCED".equals(production(survivor, auditor, id).path("status").asString()));
			assertThat(Duration.between(up, Instant.now()))
				.as("resumed after the second node started, %s after the kill", Duration.between(killed, Instant.now()))
				.isLessThan(Duration.ofSeconds(60));

			JsonNode production = production(survivor, auditor, id);
			assertThat(production.path("attempts").asInt()).isEqualTo(2);
			JsonNode timeline = survivor.as(auditor.token()).get("/api/v1/cases/" + id + "/timeline").json();
			assertThat(timeline.findValuesAsString("action")).containsSubsequence("production.queued",
					"request.production-started", "production.interrupted", "production.built");
			assertThat(timeline.toString()).contains("Interrupted, resuming: attempt 1 did not finish");
			assertThat(stale).doesNotExist();
			assertThat(partialFiles(storage)).as("half-written files").isEmpty();
			assertThat(storage.resolve(id + ".zip")).exists();
		}
		finally {
			first.destroyForcibly();
			if (second != null) {
				second.close();
			}
			jdbc.sql("""
					SELECT pg_terminate_backend(pid) FROM pg_stat_activity
					WHERE datname = current_database() AND pid <> pg_backend_pid()""").query().listOfRows();
		}
	}

	/** A node in its own JVM whose data source takes 40 s per category. */
	private Process startNode(TestDatabase database, Path storage, int port) throws Exception {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), CustodianApplication.class.getName()));
		command.addAll(List.of(nodeSettings(database, storage, port,
				"--custodian.disclosure.jdbc.queries.BASIC_SUBSCRIBER=" + QUERY + " FROM pg_sleep(40)")));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("first-node.log").toFile())
			.start();
	}

	private static String[] nodeSettings(TestDatabase database, Path storage, int port, String query) {
		return new String[] { "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
				"--server.port=" + port, "--server.shutdown=immediate",
				"--custodian.master-key=" + Instances.MASTER_KEY, "--custodian.disclosure.storage=" + storage,
				"--custodian.disclosure.source=jdbc", "--custodian.disclosure.jdbc.fields.BASIC_SUBSCRIBER=account",
				query, "--custodian.bootstrap.admin-email=admin@platform.example",
				"--custodian.bootstrap.admin-password=correct horse battery staple",
				"--custodian.bootstrap.admin-token=" + IntegrationTest.ADMIN_TOKEN };
	}

	private static void decide(World world, Api api, String id) {
		Person reviewer = world.staff("REVIEWER");
		Api.Response proposed = api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		Person approver = world.staff("APPROVER");
		Api.Response approved = api.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
	}

	private static JsonNode production(Api api, Person auditor, String id) {
		return api.as(auditor.token()).get("/api/v1/cases/" + id + "/production").json();
	}

	private static String pickedBy(JdbcClient jdbc, String id) {
		return jdbc.sql("SELECT picked_by FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
			.params(ProductionJobs.BUILD, id)
			.query(String.class)
			.single();
	}

	private static List<Path> partialFiles(Path storage) throws Exception {
		try (Stream<Path> files = Files.list(storage)) {
			return files.filter((file) -> file.getFileName().toString().contains(".part")).toList();
		}
	}

}
