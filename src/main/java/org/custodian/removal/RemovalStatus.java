package org.custodian.removal;

/**
 * Where a removal request stands: its items are reviewed (IN_REVIEW), a proposal for some
 * of them awaits a second person (PENDING_APPROVAL), a pause of review holds it
 * (ON_HOLD), or every item is decided (DECIDED).
 */
public enum RemovalStatus {

	IN_REVIEW, ON_HOLD, PENDING_APPROVAL, DECIDED

}
