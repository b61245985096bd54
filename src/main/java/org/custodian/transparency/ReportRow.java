package org.custodian.transparency;

import java.util.Map;

/**
 * One jurisdiction's line of a period's report: the columns the large platforms publish,
 * and the ones they do not (held under a pause, rejections by reason, MLAT redirects,
 * notice, orders).
 */
public record ReportRow(String jurisdiction, long requests, long accounts, int percentProduced,
		long legalProcessRequests, long legalProcessAccounts, int legalProcessPercentProduced, long emergencyRequests,
		long emergencyAccounts, int emergencyPercentProduced, long preservationRequests, long accountsPreserved,
		long heldUnderPause, long mlatRedirects, Map<String, Long> rejectionsByReason, long usersNotified,
		int percentUnderNonDisclosure, long emergencyUnverified) {
}
