package org.custodian.review;

/**
 * What a reviewer proposes and an approver confirms.
 */
public enum Outcome {

	/** Disclose every requested category the instrument supports. */
	DISCLOSE,

	/** Disclose less than was asked: fewer categories. */
	DISCLOSE_PARTIAL,

	/** No account matches the identifiers. */
	NO_DATA,

	/** Refuse, with a structured reason. */
	REJECT,

	/** Refuse on this route: the agency must use the mutual legal assistance treaty. */
	REQUIRE_MLAT;

	public boolean discloses() {
		return this == DISCLOSE || this == DISCLOSE_PARTIAL;
	}

	/** The status an approved decision of this outcome leads to. */
	CaseStatus approvedStatus() {
		return switch (this) {
			case DISCLOSE, DISCLOSE_PARTIAL -> CaseStatus.APPROVED;
			case REJECT, REQUIRE_MLAT -> CaseStatus.REJECTED;
			case NO_DATA -> CaseStatus.CLOSED;
		};
	}

}
