package org.custodian.removal;

import java.util.List;
import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableBatch;

/**
 * Audit events about many removal requests or items at once (a pause holding requests, an
 * approval giving effect to a thousand items): one link of the chain each.
 */
record RemovalAudit(Actor actor, String action, String subjectType, List<String> subjectIds,
		List<Map<String, Object>> details) implements AuditableBatch {

	static final String ITEM = "removal_item";

}
