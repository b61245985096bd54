package org.custodian.transparency;

import java.io.PrintStream;
import java.util.List;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code report publish --period 2020-H2}: computes, signs and stores the period's
 * report.
 */
@Component
class ReportPublishCommand implements Command {

	private final ReportPublications publications;

	ReportPublishCommand(ReportPublications publications) {
		this.publications = publications;
	}

	@Override
	public String name() {
		return "report publish";
	}

	@Override
	public String summary() {
		return "sign and publish a period's report with the audit head: report publish --period 2020-H2";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String period = Command.option(arguments, "--period");
		if (period == null) {
			out.println("Usage: report publish --period 2020-H2");
			return 2;
		}
		try {
			PublishedReport published = this.publications.publish(Period.parse(period), CurrentUser.commandLine());
			out.printf("Published report %s for %s: %d audit events, head %s, signed by key %s%n", published.id(),
					published.period(), published.auditEventCount(), published.auditHeadHash(), published.keyId());
			return 0;
		}
		catch (InvalidInputException ex) {
			out.println(ex.errors().get(0).field() + " " + ex.errors().get(0).message());
			return 2;
		}
	}

}
