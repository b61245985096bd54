package org.custodian.agency;

public enum AgencyKind {

	POLICE, PROSECUTOR, COURT, REGULATOR, INTELLIGENCE, OTHER

}
