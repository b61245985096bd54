package org.custodian.review;

import org.custodian.shared.FieldProblems;

/**
 * A human-rights lead's assessment of a request before a decision may be proposed in a
 * HIGH-risk jurisdiction, as every kind of request reviewed takes it: a verdict and a
 * note.
 *
 * @param verdict how the request fares on human rights
 * @param note the lead's reasons
 */
public record HumanRightsFinding(Assessment.Verdict verdict, String note) {

	/**
	 * Checks the assessment as sent, reporting {@code verdict} and {@code note}.
	 * @throws org.custodian.shared.InvalidInputException naming the fields in error
	 */
	public static HumanRightsFinding check(String verdict, String note) {
		FieldProblems problems = new FieldProblems();
		Assessment.Verdict parsed = problems.enumValue(Assessment.Verdict.class, verdict, "verdict", true);
		String text = problems.required(note, "note", 8000);
		problems.throwIfAny();
		return new HumanRightsFinding(parsed, text);
	}

}
