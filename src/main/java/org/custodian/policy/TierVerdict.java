package org.custodian.policy;

/**
 * What the legal-tier rules say about one requested data category.
 */
public enum TierVerdict {

	/** The instrument compels this category. */
	SUPPORTED,

	/** The instrument does not reach this category (e.g. CONTENT on a subpoena). */
	INSUFFICIENT_INSTRUMENT,

	/** A foreign authority asks for content without the treaty route. */
	REQUIRES_MLAT,

	/** Emergency: no instrument compels it; disclosure would be voluntary. */
	VOLUNTARY,

	/** Preservation: records are kept, nothing is disclosed. */
	PRESERVATION_ONLY;

	/** Whether an approval may cover the category. */
	public boolean permitsDisclosure() {
		return this == SUPPORTED || this == VOLUNTARY;
	}

}
