package org.custodian.policy;

/**
 * Where a pause stands. Only an {@code IN_FORCE} pause holds requests.
 */
public enum PauseStatus {

	/** Proposed by one policy administrator, waiting for a second one's confirmation. */
	PROPOSED,
	/** Confirmed by a second policy administrator, or enacted at once as urgent. */
	IN_FORCE,
	/** Withdrawn by its proposer before anyone confirmed it. */
	WITHDRAWN,
	/** Rejected by another policy administrator. */
	REJECTED,
	/** Lifted after a second policy administrator confirmed the lifting. */
	LIFTED

}
