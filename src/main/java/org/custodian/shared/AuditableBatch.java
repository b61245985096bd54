package org.custodian.shared;

import java.util.List;
import java.util.Map;

/**
 * Many audit events of one kind at once, one per subject (a pause holding thousands of
 * requests): recorded in one statement, each still its own link of the chain.
 */
public interface AuditableBatch {

	Actor actor();

	String action();

	String subjectType();

	List<String> subjectIds();

	/** One map of details per subject, in the same order as {@link #subjectIds()}. */
	List<Map<String, Object>> details();

}
