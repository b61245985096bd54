package org.custodian.identity;

import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;

/**
 * What signing in to the portal and the console records in the audit log.
 */
public final class LoginEvents {

	private LoginEvents() {
	}

	/** A password and second factor were accepted. */
	public record SignedIn(Actor actor, String subjectType, String subjectId, String realm,
			boolean enrolmentPending) implements AuditableEvent {

		@Override
		public String action() {
			return "login.succeeded";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("realm", this.realm, "enrolmentPending", this.enrolmentPending);
		}

	}

	/**
	 * A sign-in was refused. The subject is the hash of the submitted address, which says
	 * nothing about whether an account exists.
	 */
	public record SignInRefused(String realm, String subjectId, String reason) implements AuditableEvent {

		@Override
		public Actor actor() {
			return Actor.SYSTEM;
		}

		@Override
		public String action() {
			return "login.failed";
		}

		@Override
		public String subjectType() {
			return "login";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("realm", this.realm, "reason", this.reason);
		}

	}

	public record SecondFactorEnrolled(Actor actor, String subjectType, String subjectId) implements AuditableEvent {

		@Override
		public String action() {
			return "second-factor.enrolled";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of();
		}

	}

	public record RecoveryCodeUsed(Actor actor, String subjectType, String subjectId) implements AuditableEvent {

		@Override
		public String action() {
			return "second-factor.recovery-code-used";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of();
		}

	}

}
