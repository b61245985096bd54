package org.custodian.disclosure;

import java.util.Map;
import java.util.TreeMap;

import org.custodian.shared.Actor;
import org.custodian.shared.RequestEvent;
import org.custodian.shared.RequestId;

/**
 * What happens to productions and emergency checks, in the past tense; recorded in the
 * audit log against the request, so each appears on the case's timeline.
 */
public final class DisclosureEvents {

	private DisclosureEvents() {
	}

	/**
	 * Something happened to a request's production ({@code production.queued},
	 * {@code production.built}, {@code production.downloaded}, {@code production.purged},
	 * …) or to its emergency checks ({@code emergency.callback-recorded}).
	 */
	public record DisclosureEvent(RequestId requestId, Actor actor, String action,
			Map<String, Object> facts) implements RequestEvent {

		@Override
		public Map<String, Object> details() {
			return new TreeMap<>(this.facts);
		}

	}

}
