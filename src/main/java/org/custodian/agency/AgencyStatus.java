package org.custodian.agency;

public enum AgencyStatus {

	/** Registered, not yet checked by the platform: its officers cannot submit. */
	PENDING,

	/** Checked out of band: its officers can submit. */
	VERIFIED,

	/** No longer trusted (e.g. a compromised mailbox): its officers cannot act. */
	SUSPENDED

}
