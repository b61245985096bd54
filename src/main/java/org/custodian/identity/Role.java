package org.custodian.identity;

/**
 * The roles of the platform's law-enforcement response team.
 */
public enum Role {

	INTAKE, REVIEWER, APPROVER, HUMAN_RIGHTS_LEAD, POLICY_ADMIN, AUDITOR, ADMIN

}
