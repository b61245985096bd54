package org.custodian.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seals secrets at rest (the signing key, package passphrases until shown, preserved
 * records, second-factor secrets) with AES-256-GCM under a key from configuration
 * ({@code custodian.master-key}, base64 of 32 bytes); in development the key is generated
 * once into {@code custodian.master-key-file}.
 */
@Component
public class MasterKey {

	private static final int IV_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	MasterKey(@Value("${custodian.master-key:}") String configured,
			@Value("${custodian.master-key-file:data/master.key}") Path file, Environment environment) {
		if ((configured == null || configured.isBlank()) && environment.matchesProfiles("prod")) {
			throw new IllegalStateException(
					"The prod profile needs a master key: set CUSTODIAN_MASTER_KEY to base64 of 32 random bytes "
							+ "(e.g. openssl rand -base64 32) and keep it outside the database");
		}
		this.key = new SecretKeySpec(load(configured, file), "AES");
	}

	/** Encrypts and authenticates: the result is IV followed by ciphertext and tag. */
	public byte[] seal(byte[] plain) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal", ex);
		}
	}

	public byte[] open(byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
			return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open sealed data: wrong master key or altered data", ex);
		}
	}

	private static byte[] load(String configured, Path file) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.strip());
			if (key.length != 32) {
				throw new IllegalStateException("custodian.master-key must be base64 of 32 bytes");
			}
			return key;
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

}
