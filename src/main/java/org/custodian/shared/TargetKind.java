package org.custodian.shared;

/**
 * How a request identifies an account.
 */
public enum TargetKind {

	USER_ID, USERNAME, EMAIL, PHONE

}
