package org.custodian.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.custodian.shared.AgencyId;
import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;

/**
 * A request as it was received: what the agency asked for, never changed afterwards;
 * {@code respondBy} is the return date the instrument names, if the officer gave one;
 * {@code agencyReference} the agency's own file number, if given.
 */
public record SubmittedRequest(RequestId id, String caseNumber, AgencyId agencyId, OfficerId officerId,
		Jurisdiction jurisdiction, RequestType type, Instrument instrument, String legalBasis, List<Target> targets,
		Set<DataCategory> categories, LocalDate from, LocalDate to, String offence, LocalDate nonDisclosureUntil,
		Submission.Emergency emergency, DocumentInfo document, Instant receivedAt, LocalDate respondBy,
		String agencyReference) {

	/**
	 * The stored legal document's description (its bytes are fetched separately).
	 */
	public record DocumentInfo(String filename, long sizeBytes, String sha256) {
	}

}
