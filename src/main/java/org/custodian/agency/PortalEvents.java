package org.custodian.agency;

import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;

/**
 * What officers' own portal accounts record in the audit log.
 */
public final class PortalEvents {

	private PortalEvents() {
	}

	/** A registration link was sent to an address on an agency's domain. */
	public record RegistrationRequested(String subjectId, String agencyId) implements AuditableEvent {

		@Override
		public Actor actor() {
			return Actor.SYSTEM;
		}

		@Override
		public String action() {
			return "officer.registration-requested";
		}

		@Override
		public String subjectType() {
			return "officer-registration";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("agencyId", this.agencyId);
		}

	}

	/**
	 * The officer opened the link: the account has a password and a confirmed address.
	 */
	public record AccountConfirmed(Actor actor, String subjectId, String agencyId) implements AuditableEvent {

		@Override
		public String action() {
			return "officer.account-confirmed";
		}

		@Override
		public String subjectType() {
			return "officer";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("agencyId", this.agencyId);
		}

	}

	/** The officer chose the language of their e-mails. */
	public record LanguageChanged(Actor actor, String subjectId, String language) implements AuditableEvent {

		@Override
		public String action() {
			return "officer.language-changed";
		}

		@Override
		public String subjectType() {
			return "officer";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("language", this.language);
		}

	}

}
