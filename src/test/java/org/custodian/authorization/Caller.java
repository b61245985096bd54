package org.custodian.authorization;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everyone the matrix calls each endpoint as: no one, the officers around a request, each
 * staff role on its own, and the proposer of a four-eyes decision.
 */
enum Caller {

	/** No session, no token. */
	ANONYMOUS,
	/** The officer who submitted the request. */
	OWNER,
	/** An officer of the same agency who was not delegated the request. */
	COLLEAGUE,
	/** An officer of another agency. */
	OTHER_AGENCY, INTAKE, REVIEWER, APPROVER, HUMAN_RIGHTS_LEAD, POLICY_ADMIN, AUDITOR, ADMIN,
	/**
	 * The one who proposed (or authored) what a four-eyes row confirms, holding every
	 * role that could confirm it, so only the four-eyes rule can refuse them.
	 */
	PROPOSER;

	static final Set<Caller> OFFICERS = EnumSet.of(OWNER, COLLEAGUE, OTHER_AGENCY);

	static final Set<Caller> STAFF = EnumSet.of(INTAKE, REVIEWER, APPROVER, HUMAN_RIGHTS_LEAD, POLICY_ADMIN, AUDITOR,
			ADMIN);

	boolean isOfficer() {
		return OFFICERS.contains(this);
	}

}
