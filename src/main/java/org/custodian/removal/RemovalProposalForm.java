package org.custodian.removal;

import java.util.List;
import java.util.Map;

import org.custodian.review.Decision;

/**
 * A reviewer's proposal as sent: a decision for each of some items, and the reason and
 * structured assessment (the seven considerations of data requests) they rest on.
 */
public record RemovalProposalForm(List<ItemDecisionForm> items, String reason,
		Map<String, Decision.FindingForm> assessment) {

	/** One item's decision as sent. */
	public record ItemDecisionForm(String itemId, String decision, String noActionReason) {
	}

}
