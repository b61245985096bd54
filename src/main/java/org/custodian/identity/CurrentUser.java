package org.custodian.identity;

import java.util.Set;
import java.util.UUID;

import org.custodian.shared.Actor;
import org.custodian.shared.AgencyId;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.StaffId;

/**
 * The authenticated caller: a staff member with roles, or an agency officer with an
 * agency.
 */
public record CurrentUser(Actor.Kind kind, UUID id, Set<Role> roles, AgencyId agencyId) {

	public static CurrentUser staff(StaffId id, Set<Role> roles) {
		return new CurrentUser(Actor.Kind.STAFF, id.value(), Set.copyOf(roles), null);
	}

	public static CurrentUser officer(OfficerId id, AgencyId agency) {
		return new CurrentUser(Actor.Kind.OFFICER, id.value(), Set.of(), agency);
	}

	public boolean isStaff() {
		return this.kind == Actor.Kind.STAFF;
	}

	public boolean isOfficer() {
		return this.kind == Actor.Kind.OFFICER;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
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

	public Actor actor() {
		return new Actor(this.kind, this.id.toString());
	}

}
