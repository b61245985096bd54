package org.custodian.audit;

import java.time.Instant;

/**
 * One event of the audit log as read back, e.g. for a case's timeline.
 */
public record AuditRecord(long seq, Instant occurredAt, String actorKind, String actorId, String action,
		String subjectType, String subjectId, String details, String hash) {
}
