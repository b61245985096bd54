package org.custodian.review;

import java.util.Map;
import java.util.TreeMap;

import org.custodian.shared.Actor;
import org.custodian.shared.RequestEvent;
import org.custodian.shared.RequestId;

/**
 * What happens to a request, in the past tense. Each is recorded in the audit log in the
 * transaction of the change.
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	/**
	 * The request moved from one status to another; {@code action} names what happened
	 * ({@code request.review-started}, {@code request.withdrawn}, …).
	 */
	public record RequestTransitioned(RequestId requestId, Actor actor, String action, CaseStatus from, CaseStatus to,
			String reason, Map<String, Object> extra) implements RequestEvent {

		@Override
		public Map<String, Object> details() {
			Map<String, Object> details = new TreeMap<>(this.extra);
			details.put("from", this.from.name());
			details.put("to", this.to.name());
			if (this.reason != null) {
				details.put("reason", this.reason);
			}
			return details;
		}

	}

	/**
	 * A reviewer was assigned.
	 */
	public record ReviewerAssigned(RequestId requestId, Actor actor, String reviewerId) implements RequestEvent {

		@Override
		public String action() {
			return "request.assigned";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("reviewerId", this.reviewerId);
		}

	}

	/**
	 * A human-rights lead assessed the request.
	 */
	public record HumanRightsReviewed(RequestId requestId, Actor actor, String verdict) implements RequestEvent {

		@Override
		public String action() {
			return "request.human-rights-reviewed";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("verdict", this.verdict);
		}

	}

	/**
	 * The request's owner gave a colleague of the same agency access to it in the portal
	 * ({@code request.delegated}) or took it back ({@code request.delegation-revoked}).
	 */
	public record DelegationChanged(RequestId requestId, Actor actor, String action,
			String officerId) implements RequestEvent {

		@Override
		public Map<String, Object> details() {
			return Map.of("officerId", this.officerId);
		}

	}

	/**
	 * A staff member opened the case: every staff read of a case is on the record.
	 */
	public record CaseViewed(RequestId requestId, Actor actor) implements RequestEvent {

		@Override
		public String action() {
			return "request.viewed";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of();
		}

	}

}
