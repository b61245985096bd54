package org.custodian.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.custodian.support.Api;
import org.custodian.support.Instances;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded database keeps what the application acknowledged: PostgreSQL killed with
 * SIGKILL (the server and its processes) in the middle of a burst of submissions loses no
 * request that was answered 201, nor its idempotency key.
 */
class DurableEmbeddedDatabaseTests {

	@TempDir
	Path folder;

	@Test
	void keepsEveryAcknowledgedRequestWhenPostgresIsKilledMidBurst() throws Exception {
		int databasePort = Instances.freePort();
		Path data = this.folder.resolve("data/postgres");
		List<Submitted> acknowledged = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext app = Instances.inFolder(this.folder, databasePort,
				"--spring.datasource.hikari.connection-timeout=2000", "--db-scheduler.enabled=false",
				// The requests that meet the dead database fail as expected; no stack
				// traces.
				"--logging.level.org.apache.catalina.core=off",
				"--logging.level.org.springframework.transaction.interceptor=off");
		ExecutorService burst = Executors.newFixedThreadPool(4);
		try {
			World world = Instances.world(app);
			Person officer = world.officer(world.agency("US"));
			Api api = Instances.api(app);
			AtomicBoolean stop = new AtomicBoolean();
			for (int i = 0; i < 4; i++) {
				burst.submit(() -> submitUntil(stop, api, officer, acknowledged));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 60);
			killPostgres(data);
			stop.set(true);
			burst.shutdown();
			assertThat(burst.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			burst.shutdownNow();
			app.close();
		}

		try (EmbeddedServer restarted = EmbeddedServer.startOrJoin(data, databasePort);
				Connection db = DriverManager
					.getConnection("jdbc:postgresql://localhost:" + restarted.port() + "/postgres", "postgres", "")) {
			assertThat(setting(db, "fsync")).isEqualTo("on");
			assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
			List<String> lost = new ArrayList<>();
			for (Submitted request : acknowledged) {
				if (!found(db, request)) {
					lost.add(request.caseNumber());
				}
			}
			assertThat(lost).as("requests answered 201 of %d acknowledged", acknowledged.size()).isEmpty();
		}
	}

	private static void submitUntil(AtomicBoolean stop, Api api, Person officer, List<Submitted> acknowledged) {
		while (!stop.get()) {
			String key = UUID.randomUUID().toString();
			try {
				Api.Response response = api.as(officer.token())
					.header("Idempotency-Key", key)
					.post("/api/v1/requests", World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
				if (response.status() == 201) {
					acknowledged.add(new Submitted(response.json().path("id").asString(),
							response.json().path("caseNumber").asString(), officer.id(), key));
				}
			}
			catch (IllegalStateException ex) {
				// The connection broke while the database was gone: not acknowledged.
			}
		}
	}

	/** SIGKILL to the postmaster named in the data directory and to all its processes. */
	private static void killPostgres(Path data) throws Exception {
		long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
		processes.add(0, postmaster);
		processes.forEach(ProcessHandle::destroyForcibly);
		await().atMost(Duration.ofSeconds(10)).until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
	}

	private static boolean found(Connection db, Submitted request) throws Exception {
		try (PreparedStatement query = db.prepareStatement("""
				SELECT count(*) FROM request r JOIN idempotency_key k ON k.request_id = r.id
				WHERE r.id = ?::uuid AND r.case_number = ? AND k.officer_id = ?::uuid AND k.key = ?""")) {
			query.setString(1, request.id());
			query.setString(2, request.caseNumber());
			query.setString(3, request.officerId());
			query.setString(4, request.key());
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() && rs.getInt(1) == 1;
			}
		}
	}

	private static String setting(Connection db, String name) throws Exception {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("SHOW " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

	record Submitted(String id, String caseNumber, String officerId, String key) {
	}

}
