package org.custodian.disclosure;

/**
 * What an officer is e-mailed about. The platform must tell the requesting authority how
 * its legal process was answered, so a decision and a refusal are sent whatever the
 * officer's preferences; the others the officer may turn off.
 */
public enum NotificationKind {

	PRODUCTION_READY(false), QUESTION_WAITING(false), REQUEST_HELD(false), REQUEST_DECIDED(true),
	REQUEST_REJECTED(true), PACKAGE_EXPIRING(false);

	private final boolean required;

	NotificationKind(boolean required) {
		this.required = required;
	}

	/** Sent whatever the officer's preferences. */
	public boolean required() {
		return this.required;
	}

}
