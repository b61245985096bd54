package org.custodian.removal;

/**
 * How an appeal against an item's restriction or removal is decided: the effect stays
 * (UPHOLD), or the item is visible again (RESTORE).
 */
public enum AppealOutcome {

	UPHOLD, RESTORE

}
