package org.custodian.policy;

import java.util.List;

import org.custodian.shared.DataCategory;

/**
 * The legal-tier verdict on one requested category, with the reason in words (English,
 * for the API) and the codes a page words it from in the reader's language: for
 * {@code REQUIRES_MLAT} the home jurisdiction, the instrument and the requester; for
 * {@code INSUFFICIENT_INSTRUMENT} the instrument, the categories it compels and the
 * category; for {@code SUPPORTED} the instrument and the category. A note written in the
 * rules themselves has no codes and is shown as written.
 */
public record CategoryFinding(DataCategory category, TierVerdict verdict, String note, List<String> noteArgs) {

	public CategoryFinding {
		noteArgs = List.copyOf(noteArgs);
	}

	public CategoryFinding(DataCategory category, TierVerdict verdict, String note) {
		this(category, verdict, note, List.of());
	}

}
