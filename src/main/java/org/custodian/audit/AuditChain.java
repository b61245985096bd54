package org.custodian.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's arithmetic, independent of the database trigger that writes it: each
 * event's hash is SHA-256 over the previous hash, a newline, and the event's canonical
 * text.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String canonical(long seq, Instant occurredAt, String actorKind, String actorId, String action,
			String subjectType, String subjectId, String details) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
		return String.join("\n", Long.toString(seq), Long.toString(micros), actorKind, actorId, action, subjectType,
				subjectId, details);
	}

	static String hash(String previousHash, String canonical) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha256.digest((previousHash + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
