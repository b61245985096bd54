package org.custodian.removal.web;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.removal.RemovalStatus;
import org.custodian.removal.RemovalViews;

/**
 * What a removal request's console page offers this viewer: each button from the
 * authorization table's row (the one the use case requires) and the state and
 * relationship the use case checks, so the page never shows a form the service would
 * refuse.
 *
 * @param propose a reviewer, while items are in review (after the human-rights lead's
 * assessment where one is required)
 * @param approve an approver who did not propose the pending decisions
 * @param assessHumanRights a human-rights lead, until every item is decided
 * @param decideAppeals a role that decides holders' appeals
 * @param decidedByViewer the items whose decision this viewer proposed or approved: the
 * use case refuses them their appeals, so the page says so instead of offering the form
 */
record RemovalActions(boolean propose, boolean approve, boolean assessHumanRights, boolean decideAppeals,
		Set<UUID> decidedByViewer) {

	static RemovalActions of(CurrentUser viewer, RemovalViews.StaffView view) {
		RemovalStatus status = RemovalStatus.valueOf(view.status());
		RemovalViews.ProposalView pending = view.proposals()
			.stream()
			.filter((proposal) -> "PENDING".equals(proposal.status()))
			.findFirst()
			.orElse(null);
		return new RemovalActions(
				viewer.may(Action.PROPOSE_REMOVAL_DECISION) && status == RemovalStatus.IN_REVIEW
						&& (!view.humanRightsReviewRequired() || view.humanRightsReview() != null),
				viewer.may(Action.APPROVE_REMOVAL_DECISION) && status == RemovalStatus.PENDING_APPROVAL
						&& pending != null && !viewer.id().equals(pending.proposedBy()),
				viewer.may(Action.RECORD_HUMAN_RIGHTS_REVIEW) && status != RemovalStatus.DECIDED,
				viewer.may(Action.DECIDE_REMOVAL_APPEAL), decidedBy(viewer, view));
	}

	private static Set<UUID> decidedBy(CurrentUser viewer, RemovalViews.StaffView view) {
		Set<UUID> proposals = view.proposals()
			.stream()
			.filter((proposal) -> viewer.id().equals(proposal.proposedBy()) || viewer.id().equals(proposal.decidedBy()))
			.map(RemovalViews.ProposalView::id)
			.collect(Collectors.toSet());
		return view.items()
			.stream()
			.filter((item) -> proposals.contains(item.proposalId()))
			.map(RemovalViews.StaffItem::id)
			.collect(Collectors.toSet());
	}

}
