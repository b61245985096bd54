package org.custodian.disclosure.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ed25519 public keys as the platform publishes them: base64 of the X.509 encoding
 * ({@code /.well-known/custodian/production-signing-key}) or a JWK Set of OKP keys
 * ({@code /.well-known/custodian/jwks.json}, RFC 8037), each named by its key id.
 */
public final class PublicKeys {

	/** The X.509 SubjectPublicKeyInfo prefix of a raw 32-byte Ed25519 key. */
	private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private PublicKeys() {
	}

	/** A key's id: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
	public static String keyId(PublicKey key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
				.substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static PublicKey fromX509(byte[] x509) {
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an Ed25519 public key", ex);
		}
	}

	/** The key as one member of a JWK Set. */
	public static Map<String, Object> jwk(PublicKey key) {
		byte[] encoded = key.getEncoded();
		byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kty", "OKP");
		jwk.put("crv", "Ed25519");
		jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
		jwk.put("kid", keyId(key));
		jwk.put("alg", "EdDSA");
		jwk.put("use", "sig");
		return jwk;
	}

	/**
	 * The keys named by a {@code --public-key} argument: base64 of the X.509 encoding, or
	 * a file holding that or a JWK Set, by key id.
	 */
	public static Map<String, PublicKey> parse(String argument) throws IOException {
		String text = argument.strip();
		if (!text.startsWith("{") && !text.matches("[A-Za-z0-9+/=]{40,}")) {
			text = Files.readString(Path.of(argument), StandardCharsets.UTF_8).strip();
		}
		Map<String, PublicKey> keys = new LinkedHashMap<>();
		if (!text.startsWith("{")) {
			PublicKey key = fromX509(Base64.getDecoder().decode(text));
			keys.put(keyId(key), key);
			return keys;
		}
		for (Object member : Json.array(Json.object(Json.parse(text)).get("keys"))) {
			Map<String, Object> jwk = Json.object(member);
			if ("OKP".equals(jwk.get("kty")) && "Ed25519".equals(jwk.get("crv")) && jwk.get("x") instanceof String x) {
				byte[] raw = Base64.getUrlDecoder().decode(x);
				byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
				System.arraycopy(raw, 0, x509, X509_PREFIX.length, raw.length);
				PublicKey key = fromX509(x509);
				keys.put(keyId(key), key);
			}
		}
		if (keys.isEmpty()) {
			throw new IllegalArgumentException("The JWK Set holds no Ed25519 key");
		}
		return keys;
	}

}
