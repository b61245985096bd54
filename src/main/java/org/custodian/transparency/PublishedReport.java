package org.custodian.transparency;

import java.time.Instant;
import java.util.UUID;

/**
 * A report as published: the signed document and what it cites.
 *
 * @param id the publication's id, also inside the document
 * @param period the half-year reported
 * @param publishedAt when it was computed and signed
 * @param auditEventCount how many audit events the log held when it was computed
 * @param auditHeadHash the hash of the newest of them
 * @param keyId the signing key's id
 * @param document the report as JSON, exactly the signed payload
 * @param jws the compact Ed25519 JWS whose payload is {@code document}
 */
public record PublishedReport(UUID id, Period period, Instant publishedAt, long auditEventCount, String auditHeadHash,
		String keyId, String document, String jws) {

}
