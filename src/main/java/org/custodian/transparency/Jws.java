package org.custodian.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.disclosure.SigningKeys.Signer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Web Signatures in compact form with Ed25519 (RFC 7515, RFC 8037: {@code alg}
 * EdDSA), so anyone with a JOSE library and the platform's public key can check a
 * published report without this software.
 */
final class Jws {

	private static final Pattern COMPACT = Pattern.compile("^([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]*)\\.([A-Za-z0-9_-]+)$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private Jws() {
	}

	static String sign(Signer signer, String payload) {
		String header = JSON.writeValueAsString(Map.of("alg", "EdDSA", "kid", signer.id()));
		String input = encode(header) + "." + encode(payload);
		return input + "." + ENCODER.encodeToString(signer.sign(input.getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * The parts of a compact JWS, or empty if it is not one.
	 */
	static Optional<Parsed> parse(String jws) {
		Matcher matcher = COMPACT.matcher((jws != null) ? jws.trim() : "");
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			JsonNode header = JSON.readTree(DECODER.decode(matcher.group(1)));
			return Optional.of(new Parsed(header.path("alg").asString(""), header.path("kid").asString(""),
					new String(DECODER.decode(matcher.group(2)), StandardCharsets.UTF_8),
					(matcher.group(1) + "." + matcher.group(2)).getBytes(StandardCharsets.US_ASCII),
					DECODER.decode(matcher.group(3))));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}

	private static String encode(String text) {
		return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A parsed JWS: the algorithm and key id its header names, the payload, and what was
	 * signed.
	 */
	record Parsed(String algorithm, String keyId, String payload, byte[] signingInput, byte[] signature) {

		boolean verifiesWith(PublicKey key) {
			try {
				Signature verifier = Signature.getInstance("Ed25519");
				verifier.initVerify(key);
				verifier.update(this.signingInput);
				return verifier.verify(this.signature);
			}
			catch (GeneralSecurityException ex) {
				return false;
			}
		}

	}

}
