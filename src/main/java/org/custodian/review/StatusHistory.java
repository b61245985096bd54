package org.custodian.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.RecordedEvents;
import org.custodian.shared.RequestId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request's history as its officer may read it: every change of its status and what
 * became of its production, from the audit log, without the response team's internal
 * steps (assignment, reads) or who among them acted. For the owner and delegates in the
 * portal; an agency's API token reads it for the whole agency (ADR 0004, ADR 0026).
 */
@Service
public class StatusHistory {

	/** The events the officer sees, each a step of the request's life. */
	static final List<String> SHOWN = List.of("request.submitted", "request.screening-started",
			"request.review-started", "request.held", "request.released", "request.information-requested",
			"request.information-provided", "request.decision-proposed", "request.decision-returned",
			"request.approved", "request.rejected", "request.closed", "request.refused", "request.mlat-required",
			"request.withdrawn", "request.preserved", "request.preservation-expired", "request.preservation-converted",
			"request.production-started", "request.produced", "production.downloaded", "production.passphrase-reissued",
			"production.purged");

	private final RecordedEvents recorded;

	private final Delegations delegations;

	StatusHistory(RecordedEvents recorded, Delegations delegations) {
		this.recorded = recorded;
		this.delegations = delegations;
	}

	/**
	 * The request's steps, oldest first: 404 for another agency's request, 403 for a
	 * colleague in the portal who is neither its owner nor a delegate.
	 */
	@Transactional(readOnly = true)
	public List<Step> of(RequestId id, CurrentUser officer) {
		officer.require(Action.READ_REQUEST_HISTORY);
		this.delegations.requireMayAct(id, officer);
		return this.recorded.about(id, SHOWN).stream().map(StatusHistory::step).toList();
	}

	private static Step step(RecordedEvents.Recorded event) {
		Map<String, String> details = event.details();
		String status = details.get("to");
		if (status == null) {
			status = switch (event.action()) {
				case "request.submitted" -> CaseStatus.RECEIVED.name();
				default -> null;
			};
		}
		String pause = details.get("pauseId");
		boolean held = "request.held".equals(event.action());
		return new Step(event.at(), event.action(), status, details.get("outcome"),
				(pause != null) ? UUID.fromString(pause) : null, held ? details.get("reason") : null);
	}

	/**
	 * One step: when, what happened ({@code request.held}, {@code production.downloaded},
	 * …), the status it left the request in (none for what happened to the package), the
	 * outcome of a decision, and the pause of a hold with the reason the officer was
	 * given (in English, as the API's {@code holdReason}; the portal words it anew).
	 */
	public record Step(Instant at, String event, String status, String outcome, UUID pauseId, String reason) {
	}

}
