package org.custodian.identity;

import java.util.Map;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;

/**
 * What the identity module records in the audit log.
 */
public final class IdentityEvents {

	private IdentityEvents() {
	}

	public record StaffCreated(Actor actor, String subjectId, String email, String roles) implements AuditableEvent {

		@Override
		public String action() {
			return "staff.created";
		}

		@Override
		public String subjectType() {
			return "staff";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("email", this.email, "roles", this.roles);
		}

	}

	public record TokenIssued(Actor actor, String subjectId, String ownerKind,
			String ownerId) implements AuditableEvent {

		@Override
		public String action() {
			return "token.issued";
		}

		@Override
		public String subjectType() {
			return "token";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("ownerKind", this.ownerKind, "ownerId", this.ownerId);
		}

	}

	public record TokenRevoked(Actor actor, String subjectId) implements AuditableEvent {

		@Override
		public String action() {
			return "token.revoked";
		}

		@Override
		public String subjectType() {
			return "token";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of();
		}

	}

	/** A token authenticated a write: the login of the API. */
	public record TokenUsedForWrite(Actor actor, String subjectId, String method,
			String path) implements AuditableEvent {

		@Override
		public String action() {
			return "token.used";
		}

		@Override
		public String subjectType() {
			return "token";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("method", this.method, "path", this.path);
		}

	}

}
