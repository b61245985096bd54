package org.custodian.policy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;

/**
 * Jurisdiction policy as a pure function: given a request, the pauses and MLAT-only rules
 * in force, and the time, what happens to the request at a stage. No Spring, no database.
 */
public final class JurisdictionPolicy {

	private JurisdictionPolicy() {
	}

	/**
	 * @param request the request's facts
	 * @param stage the stage the request is about to enter
	 * @param pauses the pauses not lifted
	 * @param mlatOnly the jurisdictions answered only through the MLAT route
	 * @param now the time of evaluation
	 * @return hold under the earliest matching pause, else require MLAT, else proceed
	 */
	public static PolicyOutcome evaluate(RequestFacts request, PauseStage stage, List<Pause> pauses,
			Set<Jurisdiction> mlatOnly, Instant now) {
		return pauses.stream()
			.filter((pause) -> pause.stops(stage) && !pause.effectiveFrom().isAfter(now) && pause.matches(request))
			.min(Comparator.comparing(Pause::effectiveFrom))
			.<PolicyOutcome>map(PolicyOutcome.Hold::new)
			.orElseGet(() -> (stage == PauseStage.REVIEW && requiresMlat(request, mlatOnly))
					? new PolicyOutcome.RequireMlat(mlatMessage(request.requester())) : new PolicyOutcome.Proceed());
	}

	/**
	 * The pause that holds a removal request at a stage now, if any: the earliest in
	 * force that covers removal requests and matches it.
	 * @param requester the requesting authority's jurisdiction
	 * @param territorialScope where the order asks for content to be restricted
	 * @param receivedAt when the request arrived
	 * @param stage the stage the request is about to enter
	 * @param pauses the pauses in force
	 * @param now the time of evaluation
	 */
	public static Optional<Pause> removalHold(Jurisdiction requester, Set<Jurisdiction> territorialScope,
			Instant receivedAt, PauseStage stage, List<Pause> pauses, Instant now) {
		return pauses.stream()
			.filter((pause) -> pause.stops(stage) && !pause.effectiveFrom().isAfter(now)
					&& pause.matchesRemoval(requester, territorialScope, receivedAt))
			.min(Comparator.comparing(Pause::effectiveFrom));
	}

	/**
	 * Legal process from an MLAT-only jurisdiction must come through the treaty route;
	 * emergencies (voluntary, urgent) and preservation (nothing disclosed, kept while an
	 * MLAT is prepared) are not affected.
	 */
	static boolean requiresMlat(RequestFacts request, Set<Jurisdiction> mlatOnly) {
		return request.type() == RequestType.LEGAL_PROCESS && request.instrument() != Instrument.MLAT
				&& mlatOnly.contains(request.requester());
	}

	static String mlatMessage(Jurisdiction jurisdiction) {
		return "Requests from authorities of " + jurisdiction.code()
				+ " are answered only through the Mutual Legal Assistance Treaty route: ask your central authority "
				+ "to send an MLAT request to the platform's home authorities. You may submit a preservation request "
				+ "meanwhile, and emergency requests are still considered.";
	}

}
