package org.custodian.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seals secrets at rest (the signing keys, package passphrases until shown, preserved
 * records, second-factor secrets) with AES-256-GCM under a key from configuration
 * ({@code custodian.master-key}, base64 of 32 bytes); in development the key is generated
 * once into {@code custodian.master-key-file}.
 * <p>
 * A sealed value names the key that sealed it (its version: a fingerprint of the key) and
 * is bound to its place, table, column and row, as GCM's associated data: a value copied
 * to another row does not open. Keys retired by a rotation stay readable while listed in
 * {@code custodian.master-key-previous} (comma-separated), until
 * {@code keys rotate-master} has re-sealed every value under the current key (ADR 0019).
 */
@Component
public class MasterKey {

	/** Marks the sealed format with a key version and associated data. */
	static final byte[] MAGIC = "CSV".getBytes(StandardCharsets.US_ASCII);

	static final int VERSION_BYTES = 9;

	/** Magic and key version: 12 bytes, so 16 base64 characters without padding. */
	public static final int HEADER_BYTES = MAGIC.length + VERSION_BYTES;

	private static final int IV_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey current;

	private final byte[] currentVersion;

	/** Every key that opens, by version: the current one first. */
	private final Map<String, SecretKey> keys = new LinkedHashMap<>();

	MasterKey(@Value("${custodian.master-key:}") String configured,
			@Value("${custodian.master-key-previous:}") List<String> previous,
			@Value("${custodian.master-key-file:data/master.key}") Path file, Environment environment) {
		if ((configured == null || configured.isBlank()) && environment.matchesProfiles("prod")) {
			throw new IllegalStateException(
					"The prod profile needs a master key: set CUSTODIAN_MASTER_KEY to base64 of 32 random bytes "
							+ "(e.g. openssl rand -base64 32) and keep it outside the database");
		}
		this.current = new SecretKeySpec(load(configured, file), "AES");
		this.currentVersion = version(this.current);
		this.keys.put(HexFormat.of().formatHex(this.currentVersion), this.current);
		for (String old : previous) {
			if (!old.isBlank()) {
				SecretKey key = new SecretKeySpec(decode(old, "custodian.master-key-previous"), "AES");
				this.keys.putIfAbsent(HexFormat.of().formatHex(version(key)), key);
			}
		}
	}

	/** The current key's version, as sealed values carry it. */
	public String version() {
		return HexFormat.of().formatHex(this.currentVersion);
	}

	/**
	 * The first bytes of every value sealed under the current key: magic and key version.
	 */
	public byte[] currentHeader() {
		return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(this.currentVersion).array();
	}

	/**
	 * Encrypts and authenticates, bound to the value's place: magic, key version, IV,
	 * then ciphertext and tag.
	 */
	public byte[] seal(byte[] plain, SealedAt place) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.current, new GCMParameterSpec(128, iv));
			cipher.updateAAD(place.associatedData());
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(HEADER_BYTES + IV_BYTES + sealed.length)
				.put(currentHeader())
				.put(iv)
				.put(sealed)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal", ex);
		}
	}

	/**
	 * Opens a value sealed for this place, under the current or a previous key; a value
	 * of the format before key versions (no associated data) opens too, until re-sealed.
	 * @throws IllegalStateException if no key opens it here: another key, another row, or
	 * altered data
	 */
	public byte[] open(byte[] sealed, SealedAt place) {
		if (isVersioned(sealed)) {
			String version = HexFormat.of().formatHex(sealed, MAGIC.length, HEADER_BYTES);
			SecretKey key = this.keys.get(version);
			if (key == null) {
				throw new IllegalStateException("Cannot open sealed data: it was sealed under master key version "
						+ version + ", which is neither custodian.master-key nor in custodian.master-key-previous");
			}
			return decrypt(key, sealed, HEADER_BYTES, place.associatedData());
		}
		for (SecretKey key : this.keys.values()) {
			try {
				return decrypt(key, sealed, 0, null);
			}
			catch (IllegalStateException ex) {
				// try the next key
			}
		}
		throw new IllegalStateException("Cannot open sealed data: wrong master key or altered data");
	}

	/** Whether the value is sealed under the current key in the current format. */
	public boolean isCurrent(byte[] sealed) {
		return sealed.length > HEADER_BYTES && Arrays.equals(sealed, 0, HEADER_BYTES, currentHeader(), 0, HEADER_BYTES);
	}

	static boolean isVersioned(byte[] sealed) {
		return sealed.length > HEADER_BYTES + IV_BYTES
				&& Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	private static byte[] decrypt(SecretKey key, byte[] sealed, int offset, byte[] associatedData) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, offset, IV_BYTES));
			if (associatedData != null) {
				cipher.updateAAD(associatedData);
			}
			return cipher.doFinal(sealed, offset + IV_BYTES, sealed.length - offset - IV_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot open sealed data: wrong master key, another row, or altered data",
					ex);
		}
	}

	private static byte[] version(SecretKey key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update("custodian master key version".getBytes(StandardCharsets.US_ASCII));
			return Arrays.copyOf(digest.digest(key.getEncoded()), VERSION_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String configured, String name) {
		byte[] key = Base64.getDecoder().decode(configured.strip());
		if (key.length != 32) {
			throw new IllegalStateException(name + " must be base64 of 32 bytes");
		}
		return key;
	}

	private static byte[] load(String configured, Path file) {
		if (configured != null && !configured.isBlank()) {
			return decode(configured, "custodian.master-key");
		}
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				RANDOM.nextBytes(key);
				Files.createDirectories(file.toAbsolutePath().getParent());
				try {
					Files.write(file, Base64.getEncoder().encode(key), StandardOpenOption.CREATE_NEW);
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					// another process created it first: use theirs
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the master key " + file, ex);
		}
	}

	/**
	 * Where a sealed value lives: its table, column and row; sealed with it as associated
	 * data.
	 */
	public record SealedAt(String table, String column, String row) {

		byte[] associatedData() {
			return String.join("\u0000", "custodian", this.table, this.column, this.row)
				.getBytes(StandardCharsets.UTF_8);
		}

	}

}
