package org.custodian.transparency;

import java.util.List;
import java.util.Optional;

import org.custodian.identity.CurrentUser;
import org.custodian.identity.StaffAccounts;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * The staff member a command acts as ({@code --as e-mail}): publications take two named
 * people on the command line too, checked against the same authorization table.
 */
@Component
class CommandLineStaff {

	private final StaffAccounts staff;

	CommandLineStaff(StaffAccounts staff) {
		this.staff = staff;
	}

	/** The active staff member named by {@code --as}, or empty. */
	Optional<CurrentUser> named(List<String> arguments) {
		String email = Command.option(arguments, "--as");
		if (email == null) {
			return Optional.empty();
		}
		return this.staff.findByEmail(email)
			.filter(StaffAccounts.StaffMember::active)
			.map((member) -> CurrentUser.staff(member.id(), member.roles()));
	}

}
