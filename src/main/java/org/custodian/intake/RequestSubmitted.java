package org.custodian.intake;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.RequestEvent;
import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;

/**
 * An officer submitted a request; it is stored and awaits screening.
 */
public record RequestSubmitted(RequestId requestId, String caseNumber, AgencyId agencyId, Actor actor,
		Jurisdiction jurisdiction, RequestType type, Instrument instrument, Set<DataCategory> categories, int targets,
		String documentSha256, boolean nonDisclosureOrder, Instant receivedAt) implements RequestEvent {

	@Override
	public String action() {
		return "request.submitted";
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new TreeMap<>();
		details.put("caseNumber", this.caseNumber);
		details.put("agencyId", this.agencyId.toString());
		details.put("jurisdiction", this.jurisdiction.code());
		details.put("type", this.type.name());
		details.put("instrument", (this.instrument != null) ? this.instrument.name() : "");
		details.put("categories", this.categories.stream().map(Enum::name).sorted().toList());
		details.put("targets", this.targets);
		details.put("documentSha256", (this.documentSha256 != null) ? this.documentSha256 : "");
		details.put("nonDisclosureOrder", this.nonDisclosureOrder);
		details.put("receivedAt", this.receivedAt.toString());
		return details;
	}

}
