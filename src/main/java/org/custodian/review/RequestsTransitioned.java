package org.custodian.review;

import java.util.List;
import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableBatch;

/**
 * Many requests made the same move at once (held by a pause, released by its lifting):
 * one audit event per request, written in one statement.
 */
public record RequestsTransitioned(Actor actor, String action, List<String> subjectIds,
		List<Map<String, Object>> details) implements AuditableBatch {

	@Override
	public String subjectType() {
		return "request";
	}

}
