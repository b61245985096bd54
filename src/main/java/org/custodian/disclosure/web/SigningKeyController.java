package org.custodian.disclosure.web;

import java.util.Base64;
import java.util.Map;

import org.custodian.disclosure.SigningKeys;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public key that verifies production manifests, for anyone to fetch.
 */
@RestController
class SigningKeyController {

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

}
