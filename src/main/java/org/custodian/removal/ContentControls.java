package org.custodian.removal;

import java.util.Optional;
import java.util.Set;

import org.custodian.shared.Jurisdiction;

/**
 * The platform's controls over its content, which Custodian calls once a decision on an
 * item is approved (never before), in the transaction that records the effect: withhold
 * the item where the order's law applies, remove it everywhere, or restore it after an
 * appeal. Each call with the same item must be safe to repeat. Implementations: the
 * sample platform, and a signed webhook to the platform's own systems.
 */
public interface ContentControls {

	/** Withholds the item from viewers in these jurisdictions only. */
	void restrictIn(ContentItem item, Set<Jurisdiction> jurisdictions);

	/** Removes the item for everyone. */
	void remove(ContentItem item);

	/** Makes the item visible again everywhere. */
	void restore(ContentItem item);

	/**
	 * The id of the account that posted the item, for the notice to its holder; empty
	 * where this implementation does not know.
	 */
	default Optional<String> ownerOf(ContentItem item) {
		return Optional.empty();
	}

}
