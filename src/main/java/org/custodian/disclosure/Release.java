package org.custodian.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a production may leave the platform now, with the reasons if not: the outcome
 * of {@link ReleaseGate#check}. A pure function of the safeguards' state.
 */
public sealed interface Release permits Release.Granted, Release.Waiting, Release.Refused {

	/** The safeguards that do not hold; empty when granted. */
	List<Unmet> unmet();

	/** The reasons in one sentence, for a problem's detail. */
	default String reasons() {
		return unmet().stream().map(Unmet::reason).collect(Collectors.joining("; "));
	}

	/** Every safeguard holds: the package may be released and downloaded. */
	record Granted() implements Release {

		@Override
		public List<Unmet> unmet() {
			return List.of();
		}

	}

	/**
	 * Not yet: something that comes in due course is missing (a notice being sent, a
	 * callback staff are to make); released once it is there.
	 */
	record Waiting(List<Unmet> unmet) implements Release {
	}

	/** A safeguard forbids it: no four-eyes approval, or a production pause matches. */
	record Refused(List<Unmet> unmet) implements Release {
	}

	/** The safeguards a release needs, each checked at the moment of release. */
	enum Safeguard {

		/**
		 * An approved disclosure decision, approved by someone other than its proposer.
		 */
		FOUR_EYES,
		/** No jurisdiction pause of the production stage matches the request. */
		PRODUCTION_PAUSE,
		/** An emergency: a confirmed callback to the agency's registered number. */
		EMERGENCY_CALLBACK,
		/** Each targeted user told, or the notice lawfully delayed or withheld. */
		USER_NOTICE

	}

	/** A safeguard that does not hold, and why. */
	record Unmet(Safeguard safeguard, String reason) {
	}

	/**
	 * What the gate saw.
	 *
	 * @param fourEyes whether the disclosure was approved under four eyes
	 * @param pause the officer's message of a production pause that matches, or null
	 * @param emergency whether the request is an emergency
	 * @param callbackConfirmed whether a confirmed callback is on record
	 * @param noticesAwaited how many targeted users must still be told
	 */
	record Facts(boolean fourEyes, String pause, boolean emergency, boolean callbackConfirmed, int noticesAwaited) {
	}

	/**
	 * The outcome for the facts: refused if any safeguard forbids, else waiting, else
	 * granted.
	 */
	static Release of(Facts facts) {
		List<Unmet> refused = new ArrayList<>();
		if (!facts.fourEyes()) {
			refused.add(new Unmet(Safeguard.FOUR_EYES,
					"no disclosure decision approved by a second person (not its proposer) is on record"));
		}
		if (facts.pause() != null) {
			refused.add(new Unmet(Safeguard.PRODUCTION_PAUSE, "production is paused: " + facts.pause()));
		}
		List<Unmet> waiting = new ArrayList<>();
		if (facts.emergency() && !facts.callbackConfirmed()) {
			waiting.add(new Unmet(Safeguard.EMERGENCY_CALLBACK,
					"waiting for a confirmed callback to the agency's registered number"));
		}
		if (facts.noticesAwaited() > 0) {
			waiting.add(new Unmet(Safeguard.USER_NOTICE, "waiting for the user notice to be sent to "
					+ facts.noticesAwaited() + ((facts.noticesAwaited() == 1) ? " targeted user" : " targeted users")));
		}
		if (!refused.isEmpty()) {
			refused.addAll(waiting);
			return new Refused(List.copyOf(refused));
		}
		return waiting.isEmpty() ? new Granted() : new Waiting(List.copyOf(waiting));
	}

}
