package org.custodian.transparency;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.custodian.review.RejectionReason;

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

	/**
	 * Rejections are counted by their structured reason; a REQUIRE_MLAT refusal has none.
	 */
	private static final List<String> REJECTION_KEYS = Stream
		.concat(Arrays.stream(RejectionReason.values()).map(Enum::name), Stream.of("REQUIRE_MLAT"))
		.toList();

	private static final String SQL = """
			SELECT period, jurisdiction,
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
			  count(*) FILTER (WHERE emergency_unverified) AS unverified,
			  %s
			FROM {ledger} AS ledger WHERE period = ANY(?::text[])
			GROUP BY period, jurisdiction ORDER BY period, jurisdiction""".formatted(REJECTION_KEYS.stream()
		.map((key) -> "count(*) FILTER (WHERE outcome IN ('REJECT', 'REQUIRE_MLAT') AND coalesce(rejection_reason, outcome) = '"
				+ key + "') AS rejected_" + key.toLowerCase(Locale.ROOT))
		.collect(Collectors.joining(",\n  ")));

	private final JdbcClient jdbc;

	private final RemovalFigures removals;

	TransparencyReports(JdbcClient jdbc, RemovalFigures removals) {
		this.jdbc = jdbc;
		this.removals = removals;
	}

	/** The half-years that have data or removal requests, oldest first. */
	@Transactional(readOnly = true)
	public List<Period> periods() {
		SortedSet<String> periods = new TreeSet<>(
				this.jdbc.sql("SELECT DISTINCT period FROM transparency_request").query(String.class).list());
		this.removals.periods().forEach((period) -> periods.add(period.toString()));
		return periods.stream().map(Period::parse).toList();
	}

	/** The removal figures of one half-year, one row per jurisdiction. */
	@Transactional(readOnly = true)
	public List<RemovalRow> removals(Period period) {
		return removals(List.of(period)).getOrDefault(period, List.of());
	}

	/** The removal figures of several half-years in one aggregate. */
	@Transactional(readOnly = true)
	public Map<Period, List<RemovalRow>> removals(List<Period> periods) {
		return this.removals.of(periods);
	}

	/**
	 * The removal figures of one half-year as the first {@code events} events of the
	 * audit log tell them.
	 */
	@Transactional(readOnly = true)
	public List<RemovalRow> removalsFromAuditLog(Period period, long events) {
		return this.removals.fromAuditLog(period, events);
	}

	/** When data was last produced for the jurisdiction's authorities, if ever. */
	@Transactional(readOnly = true)
	public Optional<Instant> lastDisclosure(String jurisdiction) {
		return this.jdbc
			.sql("SELECT max(produced_at) AS last FROM transparency_request WHERE jurisdiction = ? AND produced")
			.param(jurisdiction)
			.query((rs, row) -> Optional.ofNullable(rs.getObject("last", OffsetDateTime.class)))
			.single()
			.map(OffsetDateTime::toInstant);
	}

	/** The report of one half-year. */
	@Transactional(readOnly = true)
	public List<ReportRow> report(Period period) {
		return reports(List.of(period)).getOrDefault(period, List.of());
	}

	/**
	 * The reports of several half-years in one aggregate over the ledger: one scan, one
	 * row per period and jurisdiction, rejections counted per reason in the same pass.
	 */
	@Transactional(readOnly = true)
	public Map<Period, List<ReportRow>> reports(List<Period> periods) {
		return aggregate(SQL.replace("{ledger}", "transparency_request"), List.of(), periods);
	}

	/**
	 * The report of one half-year as the first {@code events} events of the audit log
	 * tell it, without the ledger: the same aggregate over {@link AuditedFigures}.
	 */
	@Transactional(readOnly = true)
	public List<ReportRow> reportFromAuditLog(Period period, long events) {
		return aggregate(SQL.replace("{ledger}", AuditedFigures.LEDGER), List.of(events, events), List.of(period))
			.getOrDefault(period, List.of());
	}

	private Map<Period, List<ReportRow>> aggregate(String sql, List<Object> sourceParams, List<Period> periods) {
		Map<Period, List<ReportRow>> reports = new LinkedHashMap<>();
		List<Object> params = new ArrayList<>(sourceParams);
		params.add(periods.stream().map(Period::toString).toArray(String[]::new));
		this.jdbc.sql(sql)
			.params(params)
			.query((rs, row) -> reports.computeIfAbsent(Period.parse(rs.getString("period")), (p) -> new ArrayList<>())
				.add(row(rs)))
			.list();
		return reports;
	}

	/**
	 * The report as CSV, one line per jurisdiction with data or removal requests; the
	 * removal figures are the last columns ({@link RemovalFigures#CSV_COLUMNS}); counts
	 * by reason or basis as {@code REASON:n;REASON:n}.
	 */
	public String csv(Period period, List<ReportRow> rows, List<RemovalRow> removals) {
		Map<String, ReportRow> data = new TreeMap<>();
		rows.forEach((row) -> data.put(row.jurisdiction(), row));
		Map<String, RemovalRow> removed = new TreeMap<>();
		removals.forEach((row) -> removed.put(row.jurisdiction(), row));
		SortedSet<String> jurisdictions = new TreeSet<>(data.keySet());
		jurisdictions.addAll(removed.keySet());
		List<String> header = new ArrayList<>(CSV_COLUMNS);
		header.addAll(RemovalFigures.CSV_COLUMNS);
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (String jurisdiction : jurisdictions) {
				ReportRow row = data.getOrDefault(jurisdiction, empty(jurisdiction));
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
				values.addAll(RemovalFigures.csvValues(removed.get(jurisdiction)));
				csv.printRecord(values);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** A jurisdiction's line when it sent removal requests and no data requests. */
	private static ReportRow empty(String jurisdiction) {
		return new ReportRow(jurisdiction, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0);
	}

	private static ReportRow row(ResultSet rs) throws SQLException {
		String jurisdiction = rs.getString("jurisdiction").trim();
		long requests = rs.getLong("requests");
		Map<String, Long> rejections = new TreeMap<>();
		for (String reason : REJECTION_KEYS) {
			long count = rs.getLong("rejected_" + reason.toLowerCase(Locale.ROOT));
			if (count > 0) {
				rejections.put(reason, count);
			}
		}
		return new ReportRow(jurisdiction, requests, rs.getLong("accounts"), percent(rs.getLong("produced"), requests),
				rs.getLong("lp_requests"), rs.getLong("lp_accounts"),
				percent(rs.getLong("lp_produced"), rs.getLong("lp_requests")), rs.getLong("em_requests"),
				rs.getLong("em_accounts"), percent(rs.getLong("em_produced"), rs.getLong("em_requests")),
				rs.getLong("preservation_requests"), rs.getLong("accounts_preserved"), rs.getLong("held"),
				rs.getLong("mlat"), rejections, rs.getLong("notified"), percent(rs.getLong("under_order"), requests),
				rs.getLong("unverified"));
	}

	/**
	 * Whole percent, rounded half up, as the platforms publish it; 0 when nothing was
	 * asked.
	 */
	static int percent(long part, long whole) {
		return (whole == 0) ? 0 : (int) ((part * 200 + whole) / (2 * whole));
	}

}
