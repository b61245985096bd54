package org.custodian.review;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flags that other modules put on cases, shown in the queue and the case file (trust
 * signals, an overdue emergency follow-up, …), without review depending on them.
 */
public interface CaseFlags {

	/**
	 * The flags of each of the given requests; requests without flags may be left out.
	 */
	Map<UUID, List<String>> flags(List<UUID> requestIds);

}
