package org.custodian.identity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.StaffId;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The authenticated caller: a staff member with roles, an agency officer with an agency,
 * or the operator at the command line. An officer signed in to the portal acts on the
 * requests they own or were delegated; an officer's API token acts for the whole agency
 * ({@code agencyWide}, see docs/adr/0004-request-delegation.md). Serializable because a
 * browser session, with its signed-in user, is kept in the database and read by every
 * node (docs/adr/0018-nodes-share-sessions-and-limits.md).
 */
public record CurrentUser(Actor.Kind kind, UUID id, Set<Role> roles, AgencyId agencyId, boolean agencyWide,
		String operator) implements Serializable, AuthenticatedPrincipal {

	/** The environment variable that names the operator of a command. */
	public static final String OPERATOR_VARIABLE = "CUSTODIAN_OPERATOR";

	public static CurrentUser staff(StaffId id, Set<Role> roles) {
		return new CurrentUser(Actor.Kind.STAFF, id.value(), Set.copyOf(roles), null, false, null);
	}

	/** An officer in person (the portal): acts as owner or delegate. */
	public static CurrentUser officer(OfficerId id, AgencyId agency) {
		return new CurrentUser(Actor.Kind.OFFICER, id.value(), Set.of(), agency, false, null);
	}

	/**
	 * An officer's API token: the agency's system, acting on every request of the agency.
	 */
	public static CurrentUser officerToken(OfficerId id, AgencyId agency) {
		return new CurrentUser(Actor.Kind.OFFICER, id.value(), Set.of(), agency, true, null);
	}

	/**
	 * The named operator who runs the jar with the database's credentials; admitted only
	 * to the rows {@link Action#admitsOperator()} names.
	 */
	public static CurrentUser operator(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An operator needs a name");
		}
		String clean = name.strip();
		return new CurrentUser(Actor.Kind.OPERATOR,
				UUID.nameUUIDFromBytes(("operator:" + clean).getBytes(StandardCharsets.UTF_8)), Set.of(), null, false,
				clean);
	}

	/**
	 * The operator of this command-line run: {@code CUSTODIAN_OPERATOR}, else the
	 * operating-system user.
	 */
	public static CurrentUser commandLine() {
		String named = System.getenv(OPERATOR_VARIABLE);
		return operator((named != null && !named.isBlank()) ? named : System.getProperty("user.name", "unknown"));
	}

	public boolean isStaff() {
		return this.kind == Actor.Kind.STAFF;
	}

	public boolean isOfficer() {
		return this.kind == Actor.Kind.OFFICER;
	}

	public boolean isOperator() {
		return this.kind == Actor.Kind.OPERATOR;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/** Whether the authorization table admits this caller to the action. */
	public boolean may(Action action) {
		return action.admits(this);
	}

	/**
	 * Refuses the caller unless the authorization table admits them to this action: the
	 * first line of every use case.
	 * @throws ForbiddenException naming the action and who may take it
	 */
	public CurrentUser require(Action action) {
		if (!action.admits(this)) {
			String who = (action.caller() == Action.Caller.OFFICER) ? "an agency officer"
					: "staff with the role " + action.roles().stream().map(Enum::name).sorted().toList();
			throw new ForbiddenException("Only " + who + " may " + action.name().toLowerCase().replace('_', ' ') + ".");
		}
		return this;
	}

	public StaffId staffId() {
		if (!isStaff()) {
			throw new IllegalStateException("not a staff user");
		}
		return new StaffId(this.id);
	}

	public OfficerId officerId() {
		if (!isOfficer()) {
			throw new IllegalStateException("not an officer");
		}
		return new OfficerId(this.id);
	}

	/**
	 * The session's principal name ({@code staff:<id>}, {@code officer:<id>}), by which
	 * the session table indexes a user's sessions.
	 */
	@Override
	public String getName() {
		return this.kind.name().toLowerCase(Locale.ROOT) + ":" + this.id;
	}

	public Actor actor() {
		return new Actor(this.kind, isOperator() ? this.operator : this.id.toString());
	}

}
