package org.custodian.removal;

/** Why the authority wants the content gone, in its own words' category. */
public enum RemovalReason {

	DEFAMATION, PRIVACY, NATIONAL_SECURITY, GOVERNMENT_CRITICISM, HATE_SPEECH, VIOLENCE, FRAUD, REGULATED_GOODS,
	COPYRIGHT, OTHER

}
