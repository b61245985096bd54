package org.custodian.shared.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Ed25519 with the JDK: key pairs in their standard encodings (X.509 for the public half,
 * PKCS #8 for the private), signatures, and a short key id.
 */
public final class Ed25519 {

	private static final String ALGORITHM = "Ed25519";

	private Ed25519() {
	}

	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is part of every JDK since 15", ex);
		}
	}

	/** The first 16 hex digits of the SHA-256 of the key's X.509 encoding. */
	public static String keyId(PublicKey key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A public key from its X.509 encoding; IllegalArgumentException if it is not one.
	 */
	public static PublicKey publicKey(byte[] x509) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an Ed25519 public key", ex);
		}
	}

	/**
	 * A private key from its PKCS #8 encoding; IllegalArgumentException if it is not one.
	 */
	public static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an Ed25519 private key", ex);
		}
	}

	public static byte[] sign(PrivateKey key, byte[] data) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(key);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether the signature is the key's over the data; false for malformed input too.
	 */
	public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

}
