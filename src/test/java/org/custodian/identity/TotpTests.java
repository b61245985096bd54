package org.custodian.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The SHA-1 secret of RFC 6238, appendix B. */
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void writesAnOtpauthUriAuthenticatorAppsRead() {
		assertThat(Totp.uri("Custodian", "j.doe@cyber.metro.gov", "ABC"))
			.isEqualTo("otpauth://totp/Custodian:j.doe%40cyber.metro.gov?secret=ABC&issuer=Custodian"
					+ "&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void newSecretsAreRandom160BitBase32() {
		String secret = Totp.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
		assertThat(Totp.unbase32(secret)).hasSize(20);
	}

}
