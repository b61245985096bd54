package org.custodian.duediligence;

import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;

/**
 * What due diligence records in the audit log.
 */
public record DueDiligenceEvents(Actor actor, String action, String subjectType, String subjectId,
		Map<String, Object> details) implements AuditableEvent {

	static DueDiligenceEvents assessment(Actor actor, String action, String id, Map<String, Object> details) {
		return new DueDiligenceEvents(actor, "assessment." + action, "assessment", id, details);
	}

}
