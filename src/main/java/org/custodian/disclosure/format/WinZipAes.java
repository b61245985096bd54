package org.custodian.disclosure.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WinZip's AE-2 encryption of one entry, with the JDK's primitives: PBKDF2-HMAC-SHA1
 * (1000 iterations) over a 16-byte salt gives the AES-256 key, the HMAC-SHA1 key and a
 * two-byte password check; the data is AES in counter mode with a little-endian counter
 * starting at 1; the first 10 bytes of HMAC-SHA1 over the ciphertext follow it. AES-CTR
 * with WinZip's counter is built from AES/ECB over counter blocks, so the JDK's AES-NI
 * intrinsics apply (its own AES/CTR counts big-endian).
 */
public final class WinZipAes {

	/** Salt length for AES-256. */
	public static final int SALT = 16;

	/** The password check's length. */
	public static final int CHECK = 2;

	/** The authentication code's length. */
	public static final int MAC = 10;

	/** Salt, password check and authentication code around the ciphertext. */
	public static final int OVERHEAD = SALT + CHECK + MAC;

	private static final int BLOCKS = 4096;

	/** Eight bytes at a time, little-endian: the counter's byte order, and a wide XOR. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private final Cipher aes;

	private final Mac mac;

	private final byte[] check;

	private final byte[] counters = new byte[BLOCKS * 16];

	private final byte[] stream = new byte[BLOCKS * 16];

	private int position = this.stream.length;

	private long counter = 1;

	/**
	 * Derives the keys for an entry.
	 * @param passphrase the package's passphrase
	 * @param salt the entry's random salt
	 */
	public WinZipAes(char[] passphrase, byte[] salt) {
		try {
			byte[] keys = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
				.generateSecret(new PBEKeySpec(passphrase, salt, 1000, (32 + 32 + CHECK) * 8))
				.getEncoded();
			this.aes = Cipher.getInstance("AES/ECB/NoPadding");
			this.aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys, 0, 32, "AES"));
			this.mac = Mac.getInstance("HmacSHA1");
			this.mac.init(new SecretKeySpec(keys, 32, 32, "HmacSHA1"));
			this.check = new byte[] { keys[64], keys[65] };
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The two bytes that follow the salt, for a quick wrong-passphrase check. */
	public byte[] passwordCheck() {
		return this.check.clone();
	}

	/** Whether the stored password check matches this passphrase's. */
	public boolean checks(byte[] stored) {
		return MessageDigest.isEqual(this.check, stored);
	}

	/** Encrypts in place and authenticates the ciphertext. */
	public void encrypt(byte[] data, int offset, int length) {
		crypt(data, offset, length);
		this.mac.update(data, offset, length);
	}

	/** Authenticates the ciphertext and decrypts it in place. */
	public void decrypt(byte[] data, int offset, int length) {
		this.mac.update(data, offset, length);
		crypt(data, offset, length);
	}

	/** The authentication code over all the ciphertext so far; call once, at the end. */
	public byte[] authenticationCode() {
		byte[] full = this.mac.doFinal();
		byte[] code = new byte[MAC];
		System.arraycopy(full, 0, code, 0, MAC);
		return code;
	}

	private void crypt(byte[] data, int offset, int length) {
		int end = offset + length;
		int i = offset;
		while (i < end) {
			if (this.position == this.stream.length) {
				refill();
			}
			int n = Math.min(end - i, this.stream.length - this.position);
			int k = 0;
			for (; k + 8 <= n; k += 8) {
				long key = (long) LONGS.get(this.stream, this.position + k);
				LONGS.set(data, i + k, (long) LONGS.get(data, i + k) ^ key);
			}
			for (; k < n; k++) {
				data[i + k] ^= this.stream[this.position + k];
			}
			i += n;
			this.position += n;
		}
	}

	private void refill() {
		for (int block = 0; block < BLOCKS; block++) {
			LONGS.set(this.counters, block * 16, this.counter++);
		}
		try {
			this.aes.update(this.counters, 0, this.counters.length, this.stream, 0);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.position = 0;
	}

}
