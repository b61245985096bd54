package org.custodian.agency;

import org.custodian.shared.AgencyId;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.OfficerId;

/**
 * An officer allowed to act now: active, of a verified agency.
 */
public record ActiveOfficer(OfficerId id, AgencyId agencyId, String agencyName, Jurisdiction jurisdiction) {
}
