package org.custodian.intake;

import java.util.List;

/**
 * A request exactly as an officer sent it, before any checks: every value is still text
 * so that each bad field can be named rather than failing on the first. {@code respondBy}
 * is the return date the instrument names, if any: the request's due date;
 * {@code agencyReference} the agency's own file number for it, if the officer gives one.
 */
public record SubmissionForm(String type, String instrument, String legalBasis, List<TargetForm> targets,
		List<String> categories, String from, String to, String offence, String nonDisclosureUntil,
		EmergencyForm emergency, String respondBy, String agencyReference) {

	/** A form without the agency's own reference number. */
	public SubmissionForm(String type, String instrument, String legalBasis, List<TargetForm> targets,
			List<String> categories, String from, String to, String offence, String nonDisclosureUntil,
			EmergencyForm emergency, String respondBy) {
		this(type, instrument, legalBasis, targets, categories, from, to, offence, nonDisclosureUntil, emergency,
				respondBy, null);
	}

	/** A form without a return date (the instrument names none). */
	public SubmissionForm(String type, String instrument, String legalBasis, List<TargetForm> targets,
			List<String> categories, String from, String to, String offence, String nonDisclosureUntil,
			EmergencyForm emergency) {
		this(type, instrument, legalBasis, targets, categories, from, to, offence, nonDisclosureUntil, emergency, null,
				null);
	}

	public record TargetForm(String kind, String value) {
	}

	public record EmergencyForm(String threat, String supervisorName, String supervisorPhone) {
	}

}
