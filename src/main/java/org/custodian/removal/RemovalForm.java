package org.custodian.removal;

import java.util.List;

/**
 * A removal request as an officer sent it (JSON, or the {@code request} part of a
 * multipart submission); {@link RemovalSubmission#check} turns it into a checked one.
 */
public record RemovalForm(String basis, String legalBasis, String issuingAuthority, List<ItemForm> items, String reason,
		String explanation, List<String> territorialScope, String respondBy) {

	/** One item as sent. */
	public record ItemForm(String kind, String value) {
	}

}
