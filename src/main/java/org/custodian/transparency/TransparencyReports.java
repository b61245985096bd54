package org.custodian.transparency;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a period's report with two SQL aggregates over the ledger (never by loading
 * requests), and renders it as CSV.
 */
@Service
public class TransparencyReports {

	static final List<String> CSV_COLUMNS = List.of("period", "jurisdiction", "requests", "accounts",
			"percent_produced", "legal_process_requests", "legal_process_accounts", "legal_process_percent_produced",
			"emergency_requests", "emergency_accounts", "emergency_percent_produced", "preservation_requests",
			"accounts_preserved", "held_under_pause", "mlat_redirects", "rejections", "users_notified",
			"percent_under_non_disclosure", "emergency_unverified");

	private final JdbcClient jdbc;

	TransparencyReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<ReportRow> report(Period period) {
		Map<String, Map<String, Long>> rejections = new HashMap<>();
		this.jdbc.sql("""
				SELECT jurisdiction, coalesce(rejection_reason, outcome) AS reason, count(*) AS n
				FROM transparency_request
				WHERE period = ? AND outcome IN ('REJECT', 'REQUIRE_MLAT')
				GROUP BY jurisdiction, coalesce(rejection_reason, outcome)""")
			.param(period.toString())
			.query((rs, row) -> rejections.computeIfAbsent(rs.getString("jurisdiction"), (j) -> new TreeMap<>())
				.put(rs.getString("reason"), rs.getLong("n")))
			.list();
		return this.jdbc.sql("""
				SELECT jurisdiction,
				  count(*) FILTER (WHERE type <> 'PRESERVATION') AS requests,
				  coalesce(sum(accounts) FILTER (WHERE type <> 'PRESERVATION'), 0) AS accounts,
				  count(*) FILTER (WHERE type <> 'PRESERVATION' AND produced) AS produced,
				  count(*) FILTER (WHERE type = 'LEGAL_PROCESS') AS lp_requests,
				  coalesce(sum(accounts) FILTER (WHERE type = 'LEGAL_PROCESS'), 0) AS lp_accounts,
				  count(*) FILTER (WHERE type = 'LEGAL_PROCESS' AND produced) AS lp_produced,
				  count(*) FILTER (WHERE type = 'EMERGENCY') AS em_requests,
				  coalesce(sum(accounts) FILTER (WHERE type = 'EMERGENCY'), 0) AS em_accounts,
				  count(*) FILTER (WHERE type = 'EMERGENCY' AND produced) AS em_produced,
				  count(*) FILTER (WHERE type = 'PRESERVATION') AS preservation_requests,
				  coalesce(sum(accounts) FILTER (WHERE type = 'PRESERVATION' AND preserved), 0) AS accounts_preserved,
				  count(*) FILTER (WHERE held) AS held,
				  count(*) FILTER (WHERE outcome = 'REQUIRE_MLAT') AS mlat,
				  coalesce(sum(users_notified), 0) AS notified,
				  count(*) FILTER (WHERE non_disclosure AND type <> 'PRESERVATION') AS under_order,
				  count(*) FILTER (WHERE emergency_unverified) AS unverified
				FROM transparency_request WHERE period = ?
				GROUP BY jurisdiction ORDER BY jurisdiction""")
			.param(period.toString())
			.query((rs, row) -> row(rs, rejections))
			.list();
	}

	/**
	 * The report as CSV, one line per jurisdiction; rejections as
	 * {@code REASON:n;REASON:n}.
	 */
	public String csv(Period period, List<ReportRow> rows) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
			for (ReportRow row : rows) {
				List<Object> values = new ArrayList<>(List.of(period.toString(), row.jurisdiction(), row.requests(),
						row.accounts(), row.percentProduced(), row.legalProcessRequests(), row.legalProcessAccounts(),
						row.legalProcessPercentProduced(), row.emergencyRequests(), row.emergencyAccounts(),
						row.emergencyPercentProduced(), row.preservationRequests(), row.accountsPreserved(),
						row.heldUnderPause(), row.mlatRedirects()));
				values.add(String.join(";",
						row.rejectionsByReason()
							.entrySet()
							.stream()
							.map((e) -> e.getKey() + ":" + e.getValue())
							.toList()));
				values.addAll(List.of(row.usersNotified(), row.percentUnderNonDisclosure(), row.emergencyUnverified()));
				csv.printRecord(values);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static ReportRow row(ResultSet rs, Map<String, Map<String, Long>> rejections) throws SQLException {
		String jurisdiction = rs.getString("jurisdiction").trim();
		long requests = rs.getLong("requests");
		return new ReportRow(jurisdiction, requests, rs.getLong("accounts"), percent(rs.getLong("produced"), requests),
				rs.getLong("lp_requests"), rs.getLong("lp_accounts"),
				percent(rs.getLong("lp_produced"), rs.getLong("lp_requests")), rs.getLong("em_requests"),
				rs.getLong("em_accounts"), percent(rs.getLong("em_produced"), rs.getLong("em_requests")),
				rs.getLong("preservation_requests"), rs.getLong("accounts_preserved"), rs.getLong("held"),
				rs.getLong("mlat"), rejections.getOrDefault(jurisdiction, Map.of()), rs.getLong("notified"),
				percent(rs.getLong("under_order"), requests), rs.getLong("unverified"));
	}

	/**
	 * Whole percent, rounded half up, as the platforms publish it; 0 when nothing was
	 * asked.
	 */
	static int percent(long part, long whole) {
		return (whole == 0) ? 0 : (int) ((part * 200 + whole) / (2 * whole));
	}

}
