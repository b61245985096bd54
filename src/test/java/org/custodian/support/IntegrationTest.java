package org.custodian.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port against the test run's PostgreSQL, with a bootstrap
 * administrator; tests drive it over HTTP like any client. Tests share one database, so
 * each creates its own agencies and users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	public static final String ADMIN_TOKEN = "test-bootstrap-admin-token-0123456789abcdef";

	/** The smallest file that is a PDF by its bytes. */
	public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	/**
	 * The audit checkpoints' mirror for this test run: a second store outside the
	 * database.
	 */
	public static final Path CHECKPOINT_MIRROR = Path.of("target", "audit-checkpoint-mirror",
			UUID.randomUUID().toString());

	/** The response team lead's address the overdue digest goes to in tests. */
	public static final String DIGEST_TO = "team-lead@platform.example";

	@LocalServerPort
	protected int port;

	protected Api api;

	protected World world;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.get();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", () -> "");
		// Every context of the run, and every instance a test starts on the same
		// database, seals with one master key: a key sealed by one must open in another.
		registry.add("custodian.master-key", () -> Instances.MASTER_KEY);
		registry.add("custodian.bootstrap.admin-email", () -> "admin@platform.example");
		registry.add("custodian.bootstrap.admin-password", () -> "correct horse battery staple");
		registry.add("custodian.bootstrap.admin-token", () -> ADMIN_TOKEN);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMail::port);
		// Every test signs in from 127.0.0.1; the per-address limit has its own test.
		registry.add("custodian.web.sign-in-limit", () -> "100000");
		// Tests read the public pages right after changing the figures; the pages' cache
		// has its own test.
		registry.add("custodian.transparency.page-max-age", () -> "0s");
		registry.add("custodian.audit.checkpoint-mirror", CHECKPOINT_MIRROR::toString);
		// The daily overdue digest's recipient (ADR 0015); its test sends one at once.
		registry.add("custodian.deadlines.digest-to", () -> DIGEST_TO);
		// Estonia's legal process is due in 14 days (the default is 30): the deadline
		// rules' per-jurisdiction default, which QueueIntegrationTests shows.
		registry.add("custodian.deadlines.jurisdictions.EE", () -> "14d");
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.world = new World(this.api, ADMIN_TOKEN);
	}

}
