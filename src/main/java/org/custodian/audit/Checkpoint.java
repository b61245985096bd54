package org.custodian.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement of the audit log's head: it had {@code events} events, the newest
 * with this {@code hash}, at {@code signedAt}. The signature (Ed25519, base64url) is over
 * {@link #signedText()}, which anyone can rebuild from the other fields.
 *
 * @param events the number of events the log held (the sequence number of the newest)
 * @param hash that event's hash
 * @param signedAt when the checkpoint was signed
 * @param keyId the checkpoint key that signed it
 * @param signature base64url of the Ed25519 signature over {@link #signedText()}
 */
public record Checkpoint(long events, String hash, Instant signedAt, String keyId, String signature) {

	/**
	 * The signed text: five lines, {@code custodian-audit-checkpoint}, the number of
	 * events, the hash, the time (ISO 8601, UTC) and the key id, UTF-8 without a final
	 * newline.
	 */
	public String signedText() {
		return String.join("\n", "custodian-audit-checkpoint", Long.toString(this.events), this.hash,
				this.signedAt.toString(), this.keyId);
	}

	byte[] signedBytes() {
		return signedText().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * How the checkpoint is named to a person, e.g. "checkpoint at event 812 signed …".
	 */
	String describe() {
		return "checkpoint at event " + this.events + " signed " + this.signedAt;
	}

}
