package org.custodian.shared;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the audit log recorded about one request, for the module that owns the request to
 * show its history. The audit module implements it: nothing may depend on that module, so
 * the module that reads depends on this interface instead (ADR 0026).
 */
public interface RecordedEvents {

	/**
	 * The request's recorded events of these kinds ({@code request.held}, …), oldest
	 * first, with the top-level text of their details.
	 */
	List<Recorded> about(RequestId id, Collection<String> actions);

	/** One recorded event: when, what, and its details as text. */
	record Recorded(Instant at, String action, Map<String, String> details) {
	}

}
