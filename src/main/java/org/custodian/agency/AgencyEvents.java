package org.custodian.agency;

import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;

/**
 * What the agency module records in the audit log.
 */
public final class AgencyEvents {

	private AgencyEvents() {
	}

	public record AgencyRegistered(Actor actor, String subjectId, String name, String jurisdiction,
			String domains) implements AuditableEvent {

		@Override
		public String action() {
			return "agency.registered";
		}

		@Override
		public String subjectType() {
			return "agency";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("name", this.name, "jurisdiction", this.jurisdiction, "emailDomains", this.domains);
		}

	}

	public record AgencyStatusChanged(Actor actor, String subjectId, String status,
			String reason) implements AuditableEvent {

		@Override
		public String action() {
			return "agency." + this.status.toLowerCase(java.util.Locale.ROOT);
		}

		@Override
		public String subjectType() {
			return "agency";
		}

		@Override
		public Map<String, Object> details() {
			return (this.reason != null) ? Map.of("reason", this.reason) : Map.of();
		}

	}

	public record OfficerAdded(Actor actor, String subjectId, String agencyId, String email) implements AuditableEvent {

		@Override
		public String action() {
			return "officer.added";
		}

		@Override
		public String subjectType() {
			return "officer";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("agencyId", this.agencyId, "email", this.email);
		}

	}

	public record SanctionsListImported(Actor actor, String subjectId, String source,
			int entries) implements AuditableEvent {

		@Override
		public String action() {
			return "sanctions.imported";
		}

		@Override
		public String subjectType() {
			return "sanctions-list";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("source", this.source, "entries", this.entries);
		}

	}

}
