package org.custodian.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Flags that other modules put on cases, shown in the queue and the case file (trust
 * signals, an overdue emergency follow-up, …), and the deadlines behind the queue's
 * overdue filter, without review depending on those modules.
 */
public interface CaseFlags {

	/**
	 * The flags of each of the given requests; requests without flags may be left out.
	 */
	Map<UUID, List<String>> flags(List<UUID> requestIds);

	/**
	 * A query selecting the ids of the requests this module finds overdue at the instant
	 * bound to its single {@code ?}, for the queue's overdue filter. The queue combines
	 * these in SQL with its other filters, so keyset paging keeps working; each query
	 * should be served by an index over the (few) open deadlines.
	 * @return the query, or empty if this module has no deadlines
	 */
	default Optional<String> overdueRequests() {
		return Optional.empty();
	}

}
