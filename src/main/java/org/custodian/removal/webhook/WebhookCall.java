package org.custodian.removal.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One signed POST to the platform's webhook: the JSON body, its HMAC-SHA256 under the
 * shared secret ({@code X-Custodian-Signature: sha256=<hex>}), and the idempotency key
 * the receiver uses to apply each action once however often it is retried.
 */
final class WebhookCall {

	static final String SIGNATURE = "X-Custodian-Signature";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private WebhookCall() {
	}

	/**
	 * Posts the payload.
	 * @return the receiver's HTTP status
	 * @throws IOException if the receiver cannot be reached
	 */
	static int post(URI url, String secret, String idempotencyKey, String payload) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header(IDEMPOTENCY_KEY, idempotencyKey)
			.header(SIGNATURE, "sha256=" + sign(secret, payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	/** The hexadecimal HMAC-SHA256 of the body under the secret. */
	static String sign(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
