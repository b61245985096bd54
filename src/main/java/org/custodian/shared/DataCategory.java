package org.custodian.shared;

/**
 * Categories of user data, in rising order of intrusiveness.
 */
public enum DataCategory {

	/** Name, e-mail, phone, account creation date, length of service. */
	BASIC_SUBSCRIBER,

	/**
	 * Logs, IP addresses, message headers: records about communications, not their
	 * contents.
	 */
	NON_CONTENT,

	/** The contents of messages, posts, files. */
	CONTENT

}
