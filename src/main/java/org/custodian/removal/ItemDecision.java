package org.custodian.removal;

/** The decision on one item of a removal request. */
public enum ItemDecision {

	/** Withheld only where the order's law applies (the request's territorial scope). */
	RESTRICT_IN_JURISDICTION,
	/** Removed everywhere: it breaks the platform's own policy. */
	REMOVE_GLOBALLY,
	/** Left as it is, for a stated {@link NoActionReason}. */
	NO_ACTION,
	/** Nothing done until the authority says more. */
	NEED_MORE_INFO;

	/** Whether the decision changes what the platform shows. */
	public boolean actsOnContent() {
		return this == RESTRICT_IN_JURISDICTION || this == REMOVE_GLOBALLY;
	}

}
