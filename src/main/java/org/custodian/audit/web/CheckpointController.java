package org.custodian.audit.web;

import java.util.List;

import org.custodian.audit.Checkpoint;
import org.custodian.audit.Checkpoints;
import org.custodian.shared.InvalidInputException;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the audit log's signed checkpoints, newest first, with the keys that verify
 * them, for anyone to fetch and keep: a copy outside the database is what shows a later
 * truncation or rewrite.
 */
@RestController
class CheckpointController {

	private static final int MAX_LIMIT = 1000;

	private final Checkpoints checkpoints;

	CheckpointController(Checkpoints checkpoints) {
		this.checkpoints = checkpoints;
	}

	@GetMapping("/.well-known/custodian/audit-checkpoints")
	ResponseEntity<PublishedCheckpoints> checkpoints(@RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		List<Checkpoint> page = this.checkpoints.newestFirst(before, limit);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(new PublishedCheckpoints(SIGNED_TEXT, this.checkpoints.publishedKeys(), page));
	}

	private static final String SIGNED_TEXT = "Ed25519 over the UTF-8 lines custodian-audit-checkpoint, events, hash, "
			+ "signedAt, keyId joined by \\n (no final newline); signature in base64url; publicKey is X.509 "
			+ "SubjectPublicKeyInfo in base64";

	/** The published list. */
	record PublishedCheckpoints(String format, List<Checkpoints.Key> keys, List<Checkpoint> checkpoints) {
	}

}
