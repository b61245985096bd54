package org.custodian.shared.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import org.custodian.CustodianApplication;
import org.custodian.support.Api;
import org.custodian.support.Instances;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.TestDatabase;
import org.custodian.support.TestMail;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Agency;
import org.custodian.support.World.Person;
import org.custodian.web.WebAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one external PostgreSQL, as behind a load balancer: each with
 * its own job scheduler, sharing browser sessions, sign-in counts, pauses and the audit
 * chain through the database. A database of their own, so that no other test's jobs take
 * theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTests {

	static final GreenMail mail = TestMail.server();

	@TempDir
	static Path temp;

	private ConfigurableApplicationContext nodeA;

	private ConfigurableApplicationContext nodeB;

	private Api apiA;

	private Api apiB;

	private World world;

	private JdbcClient jdbc;

	@BeforeAll
	void startTwoNodes() {
		TestDatabase database = TestDatabase.get().separate();
		this.nodeA = node(database, "node-a");
		// B serves its meters on a management port of its own, as a deployment would.
		this.nodeB = node(database, "node-b", "--management.server.port=0");
		this.apiA = Instances.api(this.nodeA);
		this.apiB = Instances.api(this.nodeB);
		this.world = Instances.world(this.nodeA);
		this.jdbc = JdbcClient.create(this.nodeA.getBean(DataSource.class));
	}

	@AfterAll
	void stopNodes() {
		if (this.nodeB != null) {
			this.nodeB.close();
		}
		if (this.nodeA != null) {
			this.nodeA.close();
		}
	}

	private ConfigurableApplicationContext node(TestDatabase database, String name, String... more) {
		// Productions on storage both nodes reach, as a shared volume or bucket would be.
		Path data = temp.resolve("shared");
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.datasource.password=",
				"--server.port=0", "--server.shutdown=immediate", "--db-scheduler.scheduler-name=" + name,
				"--custodian.master-key=" + Instances.MASTER_KEY,
				"--custodian.bootstrap.admin-email=admin@platform.example",
				"--custodian.bootstrap.admin-password=correct horse battery staple",
				"--custodian.bootstrap.admin-token=" + IntegrationTest.ADMIN_TOKEN,
				"--custodian.web.sign-in-limit=100000", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMail.port(),
				"--custodian.disclosure.storage=" + data.resolve("productions"),
				"--custodian.audit.checkpoint-mirror=" + data.resolve("checkpoints")));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(CustodianApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void theMetersAreServedOnTheManagementPortAndRefusedOnTheApplicationsOwn() {
		int management = Integer.parseInt(this.nodeB.getEnvironment().getProperty("local.management.port"));
		Api.Response meters = new Api(management).anonymous().get("/actuator/prometheus");
		assertThat(meters.status()).as(meters.toString()).isEqualTo(200);
		assertThat(meters.text()).contains("custodian_queue_depth{", "custodian_notices_waiting{");
		assertThat(new Api(management).anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(this.apiA.anonymous().get("/actuator/prometheus").status()).isIn(401, 403);
		assertThat(this.apiA.as(IntegrationTest.ADMIN_TOKEN).get("/actuator/prometheus").status()).isIn(401, 403);
	}

	private static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void aProductionAndItsNoticeRunExactlyOnceAcrossBothSchedulers() {
		String domain = "u" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		String account = "n" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				INSERT INTO platform_account (id, username, email, home_jurisdiction, language, compromised)
				VALUES (?, ?, ?, 'US', 'en', false)""").params(account, account, account + "@" + domain).update();
		Person officer = this.world.officer(this.world.agency("US"));
		Api.Response submitted = this.apiB.as(officer.token())
			.post("/api/v1/requests",
					Map.of("type", "LEGAL_PROCESS", "instrument", "COURT_ORDER", "legalBasis", "Order 7", "targets",
							List.of(Map.of("kind", "USERNAME", "value", account)), "categories",
							List.of("BASIC_SUBSCRIBER"), "from", "2020-01-01", "to", "2020-06-30", "offence", "Fraud"));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		String id = submitted.json().path("id").asString();
		Person reviewer = this.world.staff("REVIEWER");
		Person approver = this.world.staff("APPROVER");
		assertThat(this.apiA.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")))
			.status()).isEqualTo(200);
		assertThat(this.apiB.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"))
			.status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(
					this.apiB.as(officer.token()).get("/api/v1/requests/" + id).json().path("status").asString())
				.isEqualTo("PRODUCED"));
		// Both schedulers keep polling; give a second run the time it would need.
		sleep(Duration.ofSeconds(5));
		assertThat(mail.getReceivedMessagesForDomain(domain)).as("one notice e-mail").hasSize(1);
		List<String> actions = this.apiA.as(this.world.staff("AUDITOR").token())
			.get("/api/v1/cases/" + id + "/timeline")
			.json()
			.findValuesAsString("action");
		assertThat(actions.stream().filter("notice.sent"::equals)).hasSize(1);
		assertThat(actions.stream().filter("production.built"::equals)).hasSize(1);
		assertThat(this.jdbc.sql("SELECT attempts FROM production WHERE request_id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single()).as("built in one attempt").isEqualTo(1);
		long size = this.jdbc.sql("SELECT size_bytes FROM production WHERE request_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single();
		List<MeterRegistry> registries = List.of(this.nodeA.getBean(MeterRegistry.class),
				this.nodeB.getBean(MeterRegistry.class));
		assertThat(
				registries.stream().mapToLong((meters) -> meters.get("custodian.productions.duration").timer().count()))
			.as("one build in the two nodes' metrics")
			.containsExactlyInAnyOrder(0L, 1L);
		assertThat(registries.stream()
			.mapToDouble((meters) -> meters.get("custodian.productions.bytes").summary().totalAmount())
			.sum()).isEqualTo((double) size);
	}

	@Test
	void aConsoleSessionStartedOnOneNodeWorksOnTheOtherAndEndsOnBothAtSignOut() {
		World.Account staff = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		WebSession atA = new WebSession(port(this.nodeA));
		WebSession atB = atA.at(port(this.nodeB));
		atA.get("/console/login");
		WebSession.Page login = atA.post("/console/login",
				Map.of("email", staff.email(), "password", WebAccounts.PASSWORD));
		assertThat(login.location()).as(login.toString()).endsWith("/console/enrolment");
		// The enrolment page on one node, the code on the other.
		WebAccounts.enrol(atB, "/console/enrolment");
		assertThat(atA.get("/console/cases").status()).as("signed in on A").isEqualTo(200);
		WebSession.Page queueOnB = atB.get("/console/cases");
		assertThat(queueOnB.status()).as("the same session on B").isEqualTo(200);

		WebSession.Page signedOut = atB.post("/console/logout", Map.of());
		assertThat(signedOut.location()).endsWith("/console/login?signedOut");
		assertThat(atA.get("/console/cases").location()).as("signed out on A too").endsWith("/console/login");
	}

	@Test
	void aPortalSessionMovesBetweenNodes() {
		Agency agency = this.world.agency("GB");
		WebSession atA = new WebSession(port(this.nodeA));
		WebAccounts.officer(atA, agency);
		WebSession.Page onB = atA.at(port(this.nodeB)).get("/portal/requests");
		assertThat(onB.status()).as(onB.toString()).isEqualTo(200);
	}

	@Test
	void fiveFailedSignInsSpreadOverBothNodesLockTheAddress() {
		World.Account staff = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		WebSession atA = new WebSession(port(this.nodeA));
		WebSession atB = new WebSession(port(this.nodeB));
		atA.get("/console/login");
		atB.get("/console/login");
		for (int i = 0; i < 4; i++) {
			WebSession web = (i % 2 == 0) ? atA : atB;
			assertThat(web.post("/console/login", Map.of("email", staff.email(), "password", "wrong" + i)).status())
				.isEqualTo(401);
		}
		assertThat(atA.post("/console/login", Map.of("email", staff.email(), "password", "wrong again")).status())
			.as("the fifth failure, on A")
			.isEqualTo(429);
		WebSession.Page right = atB.post("/console/login",
				Map.of("email", staff.email(), "password", WebAccounts.PASSWORD));
		assertThat(right.status()).as("the right password on B, while locked").isEqualTo(429);
	}

	@Test
	void aPauseEnactedOnOneNodeHoldsARequestSubmittedOnTheOtherAtTheSameMoment() throws Exception {
		Policies policies = new Policies(this.apiA, this.world);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (String jurisdiction : List.of("BR", "AR", "CL", "MX", "PE")) {
				Person officer = this.world.officer(this.world.agency(jurisdiction));
				Api.Response proposed = policies
					.propose(Policies.pause(jurisdiction, "FROM_AUTHORITIES", List.of("REVIEW"), "ALL", null, null));
				assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
				String pauseId = proposed.json().path("id").asString();
				CyclicBarrier together = new CyclicBarrier(2);
				Future<Api.Response> confirmed = pool.submit(() -> {
					together.await();
					return policies.confirm(pauseId);
				});
				Future<Api.Response> submitted = pool.submit(() -> {
					together.await();
					return this.apiB.as(officer.token())
						.post("/api/v1/requests", World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
				});
				assertThat(confirmed.get().status()).as(confirmed.get().toString()).isEqualTo(201);
				assertThat(submitted.get().status()).as(submitted.get().toString()).isEqualTo(201);
				String id = submitted.get().json().path("id").asString();
				assertThat(this.apiB.as(officer.token()).get("/api/v1/requests/" + id).json().path("status").asString())
					.as("the request submitted in " + jurisdiction + " as its pause came into force")
					.isEqualTo("ON_HOLD");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theAuditChainStaysOneValidChainUnderConcurrentWritesFromBothNodes() throws Exception {
		Person auditor = this.world.staff("AUDITOR");
		long before = this.apiA.as(auditor.token()).get("/api/v1/audit/verification").json().path("events").asLong();
		int perNode = 15;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CyclicBarrier together = new CyclicBarrier(4);
			List<Future<List<Integer>>> writers = new ArrayList<>();
			for (Api api : List.of(this.apiA, this.apiB, this.apiA, this.apiB)) {
				writers.add(pool.submit(writer(api, together, perNode)));
			}
			for (Future<List<Integer>> writer : writers) {
				assertThat(writer.get()).as("every write accepted").containsOnly(201);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (Api api : List.of(this.apiA, this.apiB)) {
			Api.Response verification = api.as(auditor.token()).get("/api/v1/audit/verification");
			assertThat(verification.json().path("valid").asBoolean()).as(verification.toString()).isTrue();
			assertThat(verification.json().path("events").asLong()).isGreaterThanOrEqualTo(before + 4 * perNode);
		}
	}

	/** Registers agencies as fast as it can through one node. */
	private Callable<List<Integer>> writer(Api api, CyclicBarrier together, int count) {
		return () -> {
			together.await();
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String domain = "a" + UUID.randomUUID().toString().substring(0, 8) + ".police.example";
				statuses.add(api.as(IntegrationTest.ADMIN_TOKEN)
					.post("/api/v1/agencies",
							Map.of("name", "Police " + domain, "jurisdiction", "FR", "kind", "POLICE", "emailDomains",
									List.of(domain), "callbackPhone", "+33 1 53 71 53 71"))
					.status());
			}
			return statuses;
		};
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
