package org.custodian.policy;

import java.util.Set;

import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;

/**
 * The facts of a request that the legal-tier rules look at.
 */
public record TierQuestion(RequestType type, Instrument instrument, Jurisdiction requester,
		Set<DataCategory> categories) {
}
