package org.custodian.transparency;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.ConflictException;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code report confirm --id ID --as e-mail}: a second publisher confirms a proposed
 * publication, which computes, signs and stores the report.
 */
@Component
class ReportConfirmCommand implements Command {

	private static final String USAGE = "Usage: report confirm --id PROPOSAL-ID --as policy.admin@platform.example";

	private final PublicationProposals proposals;

	private final CommandLineStaff staff;

	ReportConfirmCommand(PublicationProposals proposals, CommandLineStaff staff) {
		this.proposals = proposals;
		this.staff = staff;
	}

	@Override
	public String name() {
		return "report confirm";
	}

	@Override
	public String summary() {
		return "confirm a proposed publication as a second staff member, which signs and publishes it: "
				+ "report confirm --id ID --as EMAIL";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String id = Command.option(arguments, "--id");
		Optional<CurrentUser> caller = this.staff.named(arguments);
		if (id == null || caller.isEmpty()) {
			out.println((id == null) ? USAGE : "--as must name an active staff member");
			return 2;
		}
		try {
			PublishedReport published = this.proposals.confirm(UUID.fromString(id), caller.get());
			out.printf("Published report %s for %s: %d audit events, head %s, signed by key %s%n", published.id(),
					published.period(), published.auditEventCount(), published.auditHeadHash(), published.keyId());
			return 0;
		}
		catch (IllegalArgumentException ex) {
			out.println("--id is not a proposal id");
			return 2;
		}
		catch (ForbiddenException | NotFoundException | ConflictException ex) {
			out.println(ex.getMessage());
			return 1;
		}
	}

}
