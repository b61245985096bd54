package org.custodian.removal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What people read about removal requests: the authority's view (receipt, per item the
 * decision and the effect given, and when) and the response team's (everything, with the
 * proposals and their assessments).
 */
public final class RemovalViews {

	private RemovalViews() {
	}

	/**
	 * The authority's view, at {@code GET /api/v1/removal-requests/{id}} and in the
	 * portal.
	 */
	public record OfficerView(UUID id, String caseNumber, String status, String holdReason, String basis, String reason,
			List<String> territorialScope, LocalDate respondBy, Instant receivedAt, Instant acknowledgedAt,
			List<OfficerItem> items) {
	}

	/**
	 * One item as the authority sees it: the decision once approved, the effect given
	 * ({@code RESTRICTED} in {@code effectIn}, {@code REMOVED}, {@code NONE}) and when;
	 * {@code effectPending} while a pause of production holds an approved action.
	 */
	public record OfficerItem(UUID id, String kind, String value, String decision, String noActionReason, String effect,
			List<String> effectIn, Instant effectGivenAt, boolean effectPending, Instant restoredAt) {
	}

	/** The response team's view of one request. */
	public record StaffView(UUID id, String caseNumber, String status, String holdReason, UUID heldByPause,
			String jurisdiction, String basis, String legalBasis, String issuingAuthority, String reason,
			String explanation, List<String> territorialScope, LocalDate respondBy, Instant receivedAt,
			Instant acknowledgedAt, String documentSha256, boolean humanRightsReviewRequired,
			Map<String, Object> humanRightsReview, List<StaffItem> items, List<ProposalView> proposals,
			List<AppealView> appeals) {
	}

	/** A holder's appeal against an item's effect, and its outcome once decided. */
	public record AppealView(UUID id, UUID itemId, String accountId, String statement, Instant filedAt, String status,
			UUID decidedBy, Instant decidedAt, String reason) {
	}

	/** One item as the response team sees it, with the proposed decision too. */
	public record StaffItem(UUID id, int position, String kind, String value, String status, UUID proposalId,
			String decision, String noActionReason, String effect, List<String> effectIn, Instant effectGivenAt,
			UUID effectHeldBy, Instant restoredAt) {
	}

	/** A reviewer's proposal: its items' decisions share one reason and assessment. */
	public record ProposalView(UUID id, String status, String reason, Map<String, Object> assessment, UUID proposedBy,
			Instant proposedAt, UUID decidedBy, Instant decidedAt, String comment) {
	}

	/** A line of a list. */
	public record Summary(UUID id, String caseNumber, String status, String jurisdiction, String basis, String reason,
			int items, Instant receivedAt) {
	}

}
