package org.custodian.shared;

/**
 * The second pair of eyes: whoever proposed a decision cannot also confirm it.
 */
public final class FourEyes {

	private FourEyes() {
	}

	/**
	 * Refuses the confirmation when the one confirming is the one who proposed.
	 * @param proposedBy who proposed, as recorded
	 * @param confirmingBy who is confirming now, recorded the same way
	 * @param refusal what the refused person reads
	 * @throws ForbiddenException if they are the same person
	 */
	public static void requireAnother(String proposedBy, String confirmingBy, String refusal) {
		if (proposedBy != null && proposedBy.equals(confirmingBy)) {
			throw new ForbiddenException(refusal);
		}
	}

}
