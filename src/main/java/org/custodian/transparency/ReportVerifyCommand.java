package org.custodian.transparency;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code report verify}: checks a published report's signature, that the audit log still
 * holds the head it cites, and that its figures follow from that log. Exit 0 if all hold,
 * 1 if any fails, 2 on bad usage.
 */
@Component
class ReportVerifyCommand implements Command {

	private static final String USAGE = "Usage: report verify --period 2020-H2 | --id <publication id> | --file <downloaded.json>";

	private final ReportPublications publications;

	ReportVerifyCommand(ReportPublications publications) {
		this.publications = publications;
	}

	@Override
	public String name() {
		return "report verify";
	}

	@Override
	public String summary() {
		return "recompute a published report from the audit log, check signature and head; exit 1 if not";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String period = Command.option(arguments, "--period");
		String id = Command.option(arguments, "--id");
		String file = Command.option(arguments, "--file");
		ReportVerification verification;
		try {
			if (file != null) {
				out.println("Verifying the report in " + file);
				verification = this.publications
					.verifyDownload(Files.readString(Path.of(file), StandardCharsets.UTF_8));
			}
			else {
				Optional<PublishedReport> published = (id != null)
						? Optional.of(this.publications.find(UUID.fromString(id)))
						: (period != null) ? this.publications.latest(Period.parse(period)) : null;
				if (published == null) {
					out.println(USAGE);
					return 2;
				}
				if (published.isEmpty()) {
					out.println("No report has been published for " + period + ".");
					return 1;
				}
				out.printf("Verifying report %s for %s, published %s%n", published.get().id(), published.get().period(),
						published.get().publishedAt());
				verification = this.publications.verify(published.get(), CurrentUser.commandLine());
			}
		}
		catch (IOException ex) {
			out.println("Cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		catch (InvalidInputException | IllegalArgumentException | NotFoundException ex) {
			out.println(ex.getMessage());
			out.println(USAGE);
			return 2;
		}
		for (ReportVerification.Check check : verification.checks()) {
			out.println((check.passed() ? "  ok      " : "  FAILED  ") + check.statement());
		}
		out.println(verification.valid() ? "Report verified." : "Report NOT verified.");
		return verification.valid() ? 0 : 1;
	}

}
