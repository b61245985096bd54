package org.custodian.shared;

/**
 * Who did something: a staff member, an agency officer, the operator at the command line
 * (named), or the system itself.
 */
public record Actor(Kind kind, String id) {

	public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "custodian");

	public enum Kind {

		STAFF, OFFICER, OPERATOR, SYSTEM

	}

	public static Actor staff(StaffId id) {
		return new Actor(Kind.STAFF, id.toString());
	}

	public static Actor officer(OfficerId id) {
		return new Actor(Kind.OFFICER, id.toString());
	}

}
