package org.custodian.policy;

import java.time.Instant;
import java.util.Set;

import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;

/**
 * What jurisdiction policy looks at in a request: who asks, about whom, with what, since
 * when.
 *
 * @param type the request type
 * @param instrument the legal instrument, if any
 * @param requester the requesting authority's jurisdiction
 * @param targets the home jurisdictions of the targeted accounts that could be resolved
 * @param receivedAt when the request arrived
 */
public record RequestFacts(RequestType type, Instrument instrument, Jurisdiction requester, Set<Jurisdiction> targets,
		Instant receivedAt) {

	public RequestFacts {
		targets = Set.copyOf(targets);
	}

}
