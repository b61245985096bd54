package org.custodian.shared;

import java.util.Map;

/**
 * An event that goes into the audit log. Every state change publishes one in the
 * transaction that makes the change, so the log and the data can never disagree.
 */
public interface AuditableEvent {

	Actor actor();

	/** What happened, as a stable dotted name such as {@code request.submitted}. */
	String action();

	/** The kind of thing it happened to, e.g. {@code request}, {@code agency}. */
	String subjectType();

	String subjectId();

	/**
	 * Facts worth keeping; values must be JSON-friendly (strings, numbers, booleans,
	 * lists).
	 */
	Map<String, Object> details();

}
