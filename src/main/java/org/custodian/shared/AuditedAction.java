package org.custodian.shared;

import java.util.Map;

/**
 * An audited action that needs no type of its own: for modules whose events only the
 * audit log reads (pauses enacted, assessments concluded, rules changed).
 */
public record AuditedAction(Actor actor, String action, String subjectType, String subjectId,
		Map<String, Object> details) implements AuditableEvent {

}
