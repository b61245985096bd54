package org.custodian.disclosure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;
import org.custodian.shared.RequestEvent;
import org.custodian.shared.RequestId;

/**
 * What the officers' e-mails record in the audit log.
 */
public final class NotificationEvents {

	private NotificationEvents() {
	}

	/**
	 * An e-mail about a request reached the officer's mail server
	 * ({@code officer.notified}), or could not after the last attempt
	 * ({@code officer.notification-failed}).
	 */
	public record OfficerNotified(RequestId requestId, String action, String officerId, NotificationKind kind,
			String notificationId) implements RequestEvent {

		@Override
		public Actor actor() {
			return Actor.SYSTEM;
		}

		@Override
		public Map<String, Object> details() {
			return new TreeMap<>(Map.of("officerId", this.officerId, "kind", this.kind.name(), "notificationId",
					this.notificationId));
		}

	}

	/** The officer turned kinds of e-mail off (or back on). */
	public record PreferencesChanged(Actor actor, String subjectId, List<String> turnedOff) implements AuditableEvent {

		@Override
		public String action() {
			return "officer.notification-preferences-changed";
		}

		@Override
		public String subjectType() {
			return "officer";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("turnedOff", this.turnedOff);
		}

	}

}
