package org.custodian.review;

/**
 * Why a request is refused; shown to the officer with what to do instead.
 */
public enum RejectionReason {

	INSUFFICIENT_LEGAL_PROCESS(
			"The legal process does not compel the data asked for; serve the instrument the data requires."),
	OVERBROAD("The request is broader than the investigation justifies; narrow the accounts, data or period."),
	UNVERIFIABLE_REQUESTER(
			"The requester or the document could not be verified; contact the platform through your agency's registered channel."),
	HUMAN_RIGHTS_RISK("Disclosure would risk violating the human rights of the people concerned."),
	NOT_COMPETENT_AUTHORITY("The requesting authority is not competent for this matter."),
	DEFECTIVE_PROCESS("The legal document is defective (unsigned, expired, wrong recipient); submit a corrected one."),
	SANCTIONED_REQUESTER("The requester matches a sanctions list; the platform cannot respond to this request."),
	REQUIRES_MLAT(
			"Data of this kind is only disclosed to foreign authorities through the mutual legal assistance treaty route."),
	OTHER("See the reviewer's explanation.");

	private final String guidance;

	RejectionReason(String guidance) {
		this.guidance = guidance;
	}

	public String guidance() {
		return this.guidance;
	}

}
