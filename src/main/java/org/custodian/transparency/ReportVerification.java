package org.custodian.transparency;

import java.util.List;

/**
 * What {@code report verify} found, check by check.
 *
 * @param checks each check and whether it passed, in the order they were made
 */
public record ReportVerification(List<Check> checks) {

	public boolean valid() {
		return !this.checks.isEmpty() && this.checks.stream().allMatch(Check::passed);
	}

	/**
	 * One finding.
	 *
	 * @param passed whether it holds
	 * @param statement what was checked and what was seen
	 */
	public record Check(boolean passed, String statement) {

	}

}
