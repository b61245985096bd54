package org.custodian.review;

import org.custodian.shared.FieldProblems;

/**
 * The second person's verdict on a proposal under four eyes, as every kind of request
 * reviewed takes it (data requests, removal requests): approve it, or return it to the
 * reviewer with a comment saying why.
 *
 * @param approved true to approve, false to return
 * @param comment the approver's comment, required when returning; null if none
 */
public record Approval(boolean approved, String comment) {

	/**
	 * Checks the verdict as sent, reporting {@code approve} and {@code comment}.
	 * @param whenReturned the problem of a return without a comment, worded for what is
	 * returned
	 * @throws org.custodian.shared.InvalidInputException naming the fields in error
	 */
	public static Approval check(Boolean approve, String comment, String whenReturned) {
		FieldProblems problems = new FieldProblems();
		problems.check(approve != null, "approve", "is required: true to approve, false to return to the reviewer");
		String note = problems.optional(comment, "comment", 4000);
		problems.check(!Boolean.FALSE.equals(approve) || note != null, "comment", whenReturned);
		problems.throwIfAny();
		return new Approval(approve, note);
	}

}
