package org.custodian.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.custodian.shared.crypto.MasterKey.SealedAt;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MasterKeyTests {

	static final String OLD = key(1);

	static final String NEW = key(2);

	static final SealedAt ALICE = new SealedAt("second_factor", "secret", "STAFF/alice");

	static final SealedAt BOB = new SealedAt("second_factor", "secret", "STAFF/bob");

	@Test
	void aSealedValueCopiedToAnotherRowDoesNotOpen() {
		MasterKey master = master(NEW);
		byte[] sealed = master.seal(bytes("alice's TOTP secret"), ALICE);
		assertThat(master.open(sealed, ALICE)).isEqualTo(bytes("alice's TOTP secret"));
		assertThatIllegalStateException().isThrownBy(() -> master.open(sealed, BOB))
			.withMessageContaining("another row");
		assertThatIllegalStateException()
			.isThrownBy(() -> master.open(sealed, new SealedAt("production", "secret", "STAFF/alice")));
	}

	@Test
	void aValueCarriesTheVersionOfTheKeyThatSealedItAndOpensWhileThatKeyIsPrevious() {
		byte[] sealed = master(OLD).seal(bytes("passphrase"), ALICE);
		assertThat(master(OLD).isCurrent(sealed)).isTrue();
		MasterKey rotated = new MasterKey(NEW, List.of(OLD), Path.of("unused"), new MockEnvironment());
		assertThat(rotated.isCurrent(sealed)).isFalse();
		assertThat(rotated.open(sealed, ALICE)).isEqualTo(bytes("passphrase"));
		assertThatIllegalStateException().isThrownBy(() -> master(NEW).open(sealed, ALICE))
			.withMessageContaining("master key version " + master(OLD).version());
	}

	@Test
	void aValueSealedBeforeKeyVersionsStillOpens() throws Exception {
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(OLD), "AES"),
				new GCMParameterSpec(128, iv));
		byte[] body = cipher.doFinal(bytes("legacy"));
		byte[] legacy = ByteBuffer.allocate(12 + body.length).put(iv).put(body).array();
		assertThat(MasterKey.isVersioned(legacy)).isFalse();
		assertThat(master(OLD).open(legacy, ALICE)).isEqualTo(bytes("legacy"));
	}

	private static MasterKey master(String key) {
		return new MasterKey(key, List.of(), Path.of("unused"), new MockEnvironment());
	}

	private static String key(int fill) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) fill);
		return Base64.getEncoder().encodeToString(key);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
