package org.custodian.disclosure;

import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.notice.Notices;
import org.custodian.review.CaseQueries;
import org.custodian.review.PauseEnforcement;
import org.custodian.shared.ConflictException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one check every path that lets a production out makes at the moment it acts (the
 * production job before building and again at release, the download and the passphrase on
 * every surface): four-eyes approval, no production pause, a confirmed callback for an
 * emergency, and every targeted user told or lawfully not (yet) told. It is about the
 * safeguards, not the caller: who may download is the use case's authorization.
 */
@Component
public class ReleaseGate {

	private final Requests requests;

	private final CaseQueries queries;

	private final PauseEnforcement pauses;

	private final EmergencyChecks emergencies;

	private final Notices notices;

	ReleaseGate(Requests requests, CaseQueries queries, PauseEnforcement pauses, EmergencyChecks emergencies,
			Notices notices) {
		this.requests = requests;
		this.queries = queries;
		this.pauses = pauses;
		this.emergencies = emergencies;
		this.notices = notices;
	}

	/** Whether the request's production may leave now, and if not, why. */
	@Transactional(readOnly = true)
	public Release check(RequestId id) {
		SubmittedRequest request = this.requests.find(id)
			.orElseThrow(() -> new NotFoundException("No request with this id."));
		String pause = null;
		try {
			this.pauses.requireProductionAllowed(id);
		}
		catch (ConflictException ex) {
			pause = ex.getMessage().replaceFirst("^Production is paused: ", "");
		}
		boolean emergency = request.type() == RequestType.EMERGENCY;
		return Release.of(new Release.Facts(this.queries.approvedUnderFourEyes(id), pause, emergency,
				emergency && this.emergencies.confirmed(id), this.notices.awaited(id).size()));
	}

	/**
	 * Throws {@link NotReleased} (a 409) unless the production may leave now.
	 * @return the grant
	 */
	@Transactional(readOnly = true)
	public Release.Granted require(RequestId id) {
		Release release = check(id);
		if (release instanceof Release.Granted granted) {
			return granted;
		}
		throw new NotReleased(release);
	}

	/** The production may not leave now; the message names every unmet safeguard. */
	public static final class NotReleased extends ConflictException {

		private final transient Release release;

		NotReleased(Release release) {
			super("The production is not released: " + release.reasons() + ".");
			this.release = release;
		}

		public Release release() {
			return this.release;
		}

	}

}
