package org.custodian.policy;

/**
 * Which requests a pause catches: those FROM the jurisdiction's authorities, those ABOUT
 * users whose home jurisdiction it is, or BOTH.
 */
public enum PauseMatch {

	FROM_AUTHORITIES, ABOUT_USERS, BOTH;

	public boolean from() {
		return this != ABOUT_USERS;
	}

	public boolean about() {
		return this != FROM_AUTHORITIES;
	}

}
