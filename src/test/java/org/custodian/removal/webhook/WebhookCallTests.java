package org.custodian.removal.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's call against a real HTTP server: the receiver can check the signature
 * with the shared secret, and sees the same idempotency key on every retry.
 */
class WebhookCallTests {

	private static final String SECRET = "a shared secret of at least thirty-two characters";

	private HttpServer server;

	private final List<String> received = new ArrayList<>();

	private final AtomicInteger answer = new AtomicInteger(204);

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			synchronized (this.received) {
				this.received.add(exchange.getRequestHeaders().getFirst(WebhookCall.SIGNATURE) + "|"
						+ exchange.getRequestHeaders().getFirst(WebhookCall.IDEMPOTENCY_KEY) + "|" + body);
			}
			exchange.sendResponseHeaders(this.answer.get(), -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void theReceiverCanCheckTheSignatureAndSeesTheSameKeyOnARetry() throws IOException {
		URI url = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook");
		String payload = "{\"itemId\":\"1\",\"action\":\"RESTRICT\",\"jurisdictions\":[\"HK\"]}";
		this.answer.set(503);
		assertThat(WebhookCall.post(url, SECRET, "item-1:RESTRICT:HK", payload)).isEqualTo(503);
		this.answer.set(204);
		assertThat(WebhookCall.post(url, SECRET, "item-1:RESTRICT:HK", payload)).isEqualTo(204);

		assertThat(this.received).hasSize(2);
		for (String call : this.received) {
			String[] parts = call.split("\\|", 3);
			assertThat(parts[0]).isEqualTo("sha256=" + WebhookCall.sign(SECRET, parts[2]));
			assertThat(parts[1]).isEqualTo("item-1:RESTRICT:HK");
			assertThat(parts[2]).isEqualTo(payload);
		}
		assertThat(WebhookCall.sign("another secret entirely, also long enough", payload))
			.isNotEqualTo(WebhookCall.sign(SECRET, payload));
	}

}
