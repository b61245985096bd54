package org.custodian.transparency;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code report publish --period 2020-H2 --as e-mail}: proposes publishing the period's
 * report, for a second publisher to confirm with {@code report confirm}.
 */
@Component
class ReportPublishCommand implements Command {

	private static final String USAGE = "Usage: report publish --period 2020-H2 --as policy.admin@platform.example";

	private final PublicationProposals proposals;

	private final CommandLineStaff staff;

	ReportPublishCommand(PublicationProposals proposals, CommandLineStaff staff) {
		this.proposals = proposals;
		this.staff = staff;
	}

	@Override
	public String name() {
		return "report publish";
	}

	@Override
	public String summary() {
		return "propose publishing a period's signed report, as a named staff member: "
				+ "report publish --period 2020-H2 --as EMAIL";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String period = Command.option(arguments, "--period");
		Optional<CurrentUser> caller = this.staff.named(arguments);
		if (period == null || caller.isEmpty()) {
			out.println((period == null) ? USAGE : "--as must name an active staff member");
			return 2;
		}
		try {
			PublicationProposals.Proposal proposal = this.proposals.propose(Period.parse(period), caller.get());
			out.printf("Proposed publication %s of %s; another publisher confirms it with: "
					+ "report confirm --id %s --as EMAIL%n", proposal.id(), proposal.period(), proposal.id());
			return 0;
		}
		catch (InvalidInputException ex) {
			out.println(ex.errors().get(0).field() + " " + ex.errors().get(0).message());
			return 2;
		}
		catch (ForbiddenException ex) {
			out.println(ex.getMessage());
			return 1;
		}
	}

}
