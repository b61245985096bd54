package org.custodian.removal;

/** What one item of a removal request names. */
public enum ItemKind {

	URL, POST_ID, ACCOUNT, APP

}
