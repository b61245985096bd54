package org.custodian.removal.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.custodian.removal.Removals;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook implementation of ContentControls on a context of its own: an approved
 * removal is posted, signed, to the platform's receiver by the scheduler, and retried
 * with the same idempotency key until the receiver accepts it.
 */
class WebhookIntegrationTests extends IntegrationTest {

	private static final String SECRET = "the platform's webhook secret, long enough to sign";

	private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();

	/** The receiver fails the first call, then accepts. */
	private static final AtomicInteger CALLS = new AtomicInteger();

	private static final HttpServer RECEIVER = receiver();

	@DynamicPropertySource
	static void webhook(DynamicPropertyRegistry registry) {
		registry.add("custodian.removal.webhook.url",
				() -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook");
		registry.add("custodian.removal.webhook.secret", () -> SECRET);
		registry.add("custodian.removal.webhook.retry-after", () -> "1s");
	}

	@AfterAll
	static void stop() {
		RECEIVER.stop(0);
	}

	@Test
	void anApprovedRemovalIsPostedSignedAndRetriedWithTheSameKey() {
		World.Person officer = this.world.officer(this.world.agency("MC"));
		Removals removals = new Removals(this.api);
		String post = Removals.post();
		String id = removals.submit(officer, Removals.order(List.of("MC"), post));
		World.Person reviewer = this.world.staff("REVIEWER");
		String item = removals.itemIds(reviewer, id).get(0);
		assertThat(removals.propose(reviewer, id, Map.of(item, "RESTRICT_IN_JURISDICTION")).status()).isEqualTo(200);
		assertThat(removals.approve(this.world.staff("APPROVER"), id).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> RECEIVED.stream().filter((call) -> call[2].contains(item)).count() >= 2);
		List<String[]> calls = RECEIVED.stream().filter((call) -> call[2].contains(item)).toList();
		for (String[] call : calls) {
			assertThat(call[0]).isEqualTo("sha256=" + WebhookCall.sign(SECRET, call[2]));
			assertThat(call[1]).isEqualTo(item + ":RESTRICT:MC");
			assertThat(call[2]).contains("\"action\":\"RESTRICT\"").contains("\"jurisdictions\":[\"MC\"]");
		}
		// The sample platform, also configured, was given the same effect.
		assertThat(removals.seen(post, "MC").path("visible").asBoolean()).isFalse();
	}

	private static HttpServer receiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/hook", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				RECEIVED.add(new String[] { exchange.getRequestHeaders().getFirst(WebhookCall.SIGNATURE),
						exchange.getRequestHeaders().getFirst(WebhookCall.IDEMPOTENCY_KEY), body });
				exchange.sendResponseHeaders((CALLS.getAndIncrement() == 0) ? 503 : 204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
