package org.custodian.disclosure.web;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.disclosure.SigningKeys;
import org.custodian.disclosure.format.PublicKeys;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public keys that verify production manifests, for anyone to fetch: the
 * active key as base64, and every key signed with as a JWK Set (RFC 7517, OKP/Ed25519).
 */
@RestController
class SigningKeyController {

	private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final SigningKeys keys;

	SigningKeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/custodian/production-signing-key")
	Map<String, Object> key() {
		SigningKeys.Signer signer = this.keys.active();
		return Map.of("algorithm", "Ed25519", "keyId", signer.id(), "publicKey",
				Base64.getEncoder().encodeToString(signer.publicKey().getEncoded()), "encoding",
				"X.509 SubjectPublicKeyInfo, base64");
	}

	@GetMapping("/.well-known/custodian/jwks.json")
	ResponseEntity<Map<String, List<Map<String, Object>>>> jwks() {
		this.keys.active();
		List<Map<String, Object>> keys = this.keys.publicKeys().stream().map(SigningKeyController::jwk).toList();
		return ResponseEntity.ok().contentType(JWK_SET).body(Map.of("keys", keys));
	}

	/**
	 * The key with when it signed: a retired key stays, so that what it signed earlier
	 * still verifies, and says since when it no longer signs.
	 */
	private static Map<String, Object> jwk(SigningKeys.PublishedKey published) {
		Map<String, Object> jwk = new LinkedHashMap<>(PublicKeys.jwk(published.key()));
		jwk.put("custodian:notBefore", published.notBefore().toString());
		if (published.notAfter() != null) {
			jwk.put("custodian:notAfter", published.notAfter().toString());
		}
		return jwk;
	}

}
