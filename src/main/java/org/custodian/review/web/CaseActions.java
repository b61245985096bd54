package org.custodian.review.web;

import java.util.Map;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.review.CaseStatus;

/**
 * What the case page offers this viewer: each button from the authorization table's row
 * (the same one the use case requires) and the relationship the use case checks, so that
 * the page never shows a form the service would refuse.
 *
 * @param assign "assign to me": the assignee must be a reviewer, and not already assigned
 * @param propose a reviewer, while the case is in review
 * @param ask a reviewer, while a question may be asked
 * @param approve an approver who is not the proposer, while a decision awaits approval
 */
record CaseActions(boolean assign, boolean propose, boolean ask, boolean approve) {

	static CaseActions of(CurrentUser viewer, CaseStatus status, Object assigneeId, Map<String, Object> pending) {
		String me = viewer.id().toString();
		return new CaseActions(
				viewer.may(Action.ASSIGN_CASE) && viewer.hasRole(Role.REVIEWER) && !status.isFinal()
						&& !me.equals(String.valueOf(assigneeId)),
				viewer.may(Action.PROPOSE_DECISION) && status == CaseStatus.IN_REVIEW,
				viewer.may(Action.ASK_FOR_INFORMATION) && status.canMoveTo(CaseStatus.NEEDS_INFO),
				viewer.may(Action.APPROVE_DECISION) && pending != null
						&& !me.equals(String.valueOf(pending.get("proposedBy"))));
	}

}
