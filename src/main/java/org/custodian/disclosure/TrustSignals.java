package org.custodian.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.custodian.intake.Requests;
import org.custodian.shared.RequestType;

/**
 * The signals that make staff look twice at a request (forged emergency requests come
 * from hijacked or newly registered mailboxes): small named rules.
 */
final class TrustSignals {

	/** Below this many requests a day, no agency's volume is unusual. */
	static final long VOLUME_FLOOR = 5;

	private TrustSignals() {
	}

	static List<String> of(Requests.History history, Instant domainAddedAt, Duration recentDomain) {
		List<String> signals = new ArrayList<>();
		if (history.officerPriorRequests() == 0) {
			signals.add("OFFICER_FIRST_REQUEST");
		}
		if (history.type() == RequestType.EMERGENCY && history.officerPriorEmergencies() == 0) {
			signals.add("OFFICER_FIRST_EMERGENCY");
		}
		if (unusualVolume(history.agencyLastDay(), history.agencyPrior30Days())) {
			signals.add("UNUSUAL_VOLUME");
		}
		if (domainAddedAt != null && domainAddedAt.isAfter(history.receivedAt().minus(recentDomain))) {
			signals.add("EMAIL_DOMAIN_RECENTLY_ADDED");
		}
		return signals;
	}

	/** More than three times the agency's daily average of the 30 days before. */
	static boolean unusualVolume(long lastDay, long prior30Days) {
		return lastDay > Math.max(VOLUME_FLOOR, 3 * prior30Days / 30.0);
	}

	static boolean overdue(Instant dueAt, Instant now) {
		return now.isAfter(dueAt);
	}

}
