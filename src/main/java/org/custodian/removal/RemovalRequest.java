package org.custodian.removal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.custodian.shared.AgencyId;
import org.custodian.shared.Jurisdiction;

/** A removal request as stored, with its items in order. */
public record RemovalRequest(UUID id, String caseNumber, AgencyId agencyId, UUID officerId, Jurisdiction jurisdiction,
		RemovalBasis basis, String legalBasis, String issuingAuthority, RemovalReason reason, String explanation,
		Set<Jurisdiction> territorialScope, LocalDate respondBy, RemovalStatus status, UUID heldByPause,
		String holdReason, Instant receivedAt, Instant acknowledgedAt, String documentSha256, List<Item> items) {

	/**
	 * One item: its decision once proposed, the effect given on the platform once
	 * approved (or the pause that holds it), and when.
	 */
	public record Item(UUID id, int position, ItemKind kind, String value, String status, UUID proposalId,
			ItemDecision decision, NoActionReason noActionReason, String effect, List<String> effectIn,
			Instant effectGivenAt, UUID effectHeldBy, Instant restoredAt) {

		public ContentItem content() {
			return new ContentItem(this.id, this.kind, this.value);
		}

	}

}
