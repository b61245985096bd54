package org.custodian.removal;

/** Why an item is left as it is. */
public enum NoActionReason {

	NOT_ILLEGAL_WHERE_CLAIMED, INSUFFICIENT_INFORMATION, ALREADY_REMOVED, PROTECTED_EXPRESSION

}
