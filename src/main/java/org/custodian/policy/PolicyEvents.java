package org.custodian.policy;

import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;

/**
 * What jurisdiction policy records in the audit log: pauses enacted and lifted, MLAT-only
 * rules.
 */
public record PolicyEvents(Actor actor, String action, String subjectType, String subjectId,
		Map<String, Object> details) implements AuditableEvent {

}
