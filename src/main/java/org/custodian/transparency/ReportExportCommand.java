package org.custodian.transparency;

import java.io.PrintStream;
import java.util.List;

import org.custodian.shared.InvalidInputException;
import org.custodian.shared.cli.Command;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code report export --period 2020-H2 --format csv|json}: the same report as the API.
 */
@Component
class ReportExportCommand implements Command {

	private final TransparencyReports reports;

	ReportExportCommand(TransparencyReports reports) {
		this.reports = reports;
	}

	@Override
	public String name() {
		return "report export";
	}

	@Override
	public String summary() {
		return "print a period's transparency report: report export --period 2020-H2 [--format csv|json]";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String period = Command.option(arguments, "--period");
		String format = Command.option(arguments, "--format");
		if (period == null) {
			out.println("Usage: report export --period 2020-H2 [--format csv|json]");
			return 2;
		}
		try {
			Period parsed = Period.parse(period);
			List<ReportRow> rows = this.reports.report(parsed);
			List<RemovalRow> removals = this.reports.removals(parsed);
			if ("json".equalsIgnoreCase(format)) {
				out.println(JsonMapper.builder()
					.build()
					.writeValueAsString(java.util.Map.of("period", parsed.toString(), "jurisdictions", rows, "removals",
							removals)));
			}
			else {
				out.print(this.reports.csv(parsed, rows, removals));
			}
			return 0;
		}
		catch (InvalidInputException ex) {
			out.println(ex.errors().get(0).field() + " " + ex.errors().get(0).message());
			return 2;
		}
	}

}
