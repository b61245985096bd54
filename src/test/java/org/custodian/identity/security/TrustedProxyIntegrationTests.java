package org.custodian.identity.security;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.custodian.support.RawHttp;
import org.custodian.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address under the {@code prod} profile's configuration: only a trusted
 * proxy's {@code X-Forwarded-For} is believed, so a client that forges the header is
 * still limited by its own address, while the clients behind a trusted proxy are told
 * apart. The proxy connects from 127.0.0.2, the client from 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class TrustedProxyIntegrationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		// A database of its own, and no jobs: this context has no mail server, and must
		// not
		// pick up the shared database's notices and productions.
		TestDatabase database = TestDatabase.get().separate();
		registry.add("db-scheduler.enabled", () -> "false");
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", () -> "");
		registry.add("custodian.master-key", () -> Base64.getEncoder().encodeToString(new byte[32]));
		registry.add("custodian.public-url", () -> "https://custodian.platform.example");
		registry.add("CUSTODIAN_TRUSTED_PROXIES", () -> "127\\.0\\.0\\.2");
		registry.add("custodian.web.sign-in-limit", () -> "3");
	}

	@Test
	void aForgedForwardedForFromAnUntrustedClientDoesNotEscapeTheLimit() {
		for (int i = 1; i <= 3; i++) {
			assertThat(signIn("127.0.0.1", "203.0.113." + i)).as("attempt " + i).isNotEqualTo(429);
		}
		assertThat(signIn("127.0.0.1", "203.0.113.99")).as("a fourth attempt under yet another forged address")
			.isEqualTo(429);
		assertThat(signIn("127.0.0.1", null)).isEqualTo(429);
	}

	@Test
	void aTrustedProxysForwardedForNamesTheClient() {
		for (int i = 1; i <= 3; i++) {
			assertThat(signIn("127.0.0.2", "198.51.100.7")).as("attempt " + i).isNotEqualTo(429);
		}
		assertThat(signIn("127.0.0.2", "198.51.100.7")).as("the client behind the proxy is limited").isEqualTo(429);
		assertThat(signIn("127.0.0.2", "198.51.100.8")).as("another client behind the same proxy").isNotEqualTo(429);
		// What a client puts in front of the proxy's own entry does not count either.
		assertThat(signIn("127.0.0.2", "203.0.113.50, 198.51.100.7")).isEqualTo(429);
	}

	private int signIn(String from, String forwardedFor) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Host", "localhost:" + this.port);
		if (forwardedFor != null) {
			headers.put("X-Forwarded-For", forwardedFor);
		}
		return RawHttp.send(from, this.port, "POST", "/portal/login", headers, "email=x%40y.example&password=wrong")
			.status();
	}

}
