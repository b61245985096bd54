package org.custodian.identity;

import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.OfficerId;
import org.custodian.shared.StaffId;

/**
 * Whom an API token authenticates.
 */
public record TokenOwner(Actor.Kind kind, java.util.UUID id, AgencyId agencyId) {

	public static TokenOwner staff(StaffId id) {
		return new TokenOwner(Actor.Kind.STAFF, id.value(), null);
	}

	public static TokenOwner officer(OfficerId id, AgencyId agency) {
		return new TokenOwner(Actor.Kind.OFFICER, id.value(), agency);
	}

}
