package org.custodian.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.custodian.removal.RemovalBasis;
import org.custodian.removal.RemovalReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The removal figures of a period's report: one SQL aggregate over the removal module's
 * view {@code removal_report_item} (one row per item), or over the same columns derived
 * from the audit log ({@link AuditedFigures#REMOVALS}) when a publication is verified.
 */
@Component
class RemovalFigures {

	/** Appended to the report's CSV columns, in this order. */
	static final List<String> CSV_COLUMNS = List.of("removal_requests", "removal_items", "removal_requests_by_basis",
			"removal_requests_by_reason", "removal_items_restricted_here", "removal_items_removed_globally",
			"removal_items_no_action", "removal_items_restored", "removal_median_hours_to_effect",
			"removal_appeals_lodged", "removal_appeals_upheld", "removal_appeals_restored");

	private static final List<String> BASES = Stream.of(RemovalBasis.values()).map(Enum::name).toList();

	private static final List<String> REASONS = Stream.of(RemovalReason.values()).map(Enum::name).toList();

	private static final String SQL = """
			SELECT period, jurisdiction,
			  count(DISTINCT request_id) AS requests,
			  count(*) AS items,
			  %s,
			  %s,
			  count(*) FILTER (WHERE effect = 'RESTRICTED') AS restricted,
			  count(*) FILTER (WHERE effect = 'REMOVED') AS removed,
			  count(*) FILTER (WHERE decision = 'NO_ACTION' AND effect_given_at IS NOT NULL) AS no_action,
			  count(*) FILTER (WHERE restored) AS restored,
			  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM effect_given_at - received_at)::float8)
			    FILTER (WHERE effect_given_at IS NOT NULL AND decision <> 'NEED_MORE_INFO') / 3600)::numeric, 1)
			    AS median_hours,
			  coalesce(sum(appeals), 0) AS appeals,
			  coalesce(sum(appeals_upheld), 0) AS appeals_upheld,
			  coalesce(sum(appeals_restored), 0) AS appeals_restored
			FROM (SELECT src.*, to_char(src.received_at AT TIME ZONE 'UTC', 'YYYY') || '-H'
			        || CASE WHEN extract(month FROM src.received_at AT TIME ZONE 'UTC') <= 6 THEN '1' ELSE '2' END AS period
			      FROM {items} AS src) item
			WHERE period = ANY(?::text[])
			GROUP BY period, jurisdiction ORDER BY period, jurisdiction"""
		.formatted(counts("basis", BASES), counts("reason", REASONS));

	private final JdbcClient jdbc;

	RemovalFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The half-years that have removal requests. */
	@Transactional(readOnly = true)
	List<Period> periods() {
		return this.jdbc.sql("""
				SELECT DISTINCT to_char(received_at AT TIME ZONE 'UTC', 'YYYY') || '-H'
				  || CASE WHEN extract(month FROM received_at AT TIME ZONE 'UTC') <= 6 THEN '1' ELSE '2' END
				FROM removal_report_item""").query(String.class).list().stream().map(Period::parse).toList();
	}

	/** Each period's rows, one per jurisdiction, in one aggregate. */
	@Transactional(readOnly = true)
	Map<Period, List<RemovalRow>> of(List<Period> periods) {
		return aggregate(SQL.replace("{items}", "removal_report_item"), List.of(), periods);
	}

	/** The period's rows as the first {@code events} audit events tell them. */
	@Transactional(readOnly = true)
	List<RemovalRow> fromAuditLog(Period period, long events) {
		return aggregate(SQL.replace("{items}", AuditedFigures.REMOVALS), List.of(events, events, events),
				List.of(period))
			.getOrDefault(period, List.of());
	}

	/** The CSV values of a row, or empty values for a jurisdiction without removals. */
	static List<Object> csvValues(RemovalRow row) {
		if (row == null) {
			return List.of(0, 0, "", "", 0, 0, 0, 0, "", 0, 0, 0);
		}
		return List.of(row.requests(), row.items(), joined(row.requestsByBasis()), joined(row.requestsByReason()),
				row.itemsRestrictedHere(), row.itemsRemovedGlobally(), row.itemsNoAction(), row.itemsRestored(),
				(row.medianHoursToEffect() != null) ? row.medianHoursToEffect() : "", row.appealsLodged(),
				row.appealsUpheld(), row.appealsRestored());
	}

	private static String joined(Map<String, Long> counts) {
		return counts.entrySet().stream().map((e) -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(";"));
	}

	private Map<Period, List<RemovalRow>> aggregate(String sql, List<Object> sourceParams, List<Period> periods) {
		Map<Period, List<RemovalRow>> rows = new LinkedHashMap<>();
		List<Object> params = new ArrayList<>(sourceParams);
		params.add(periods.stream().map(Period::toString).toArray(String[]::new));
		this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> rows.computeIfAbsent(Period.parse(rs.getString("period")), (p) -> new ArrayList<>())
				.add(row(rs)))
			.list();
		return rows;
	}

	private static RemovalRow row(ResultSet rs) throws SQLException {
		java.math.BigDecimal median = rs.getBigDecimal("median_hours");
		return new RemovalRow(rs.getString("jurisdiction").trim(), rs.getLong("requests"), rs.getLong("items"),
				nonZero(rs, "basis", BASES), nonZero(rs, "reason", REASONS), rs.getLong("restricted"),
				rs.getLong("removed"), rs.getLong("no_action"), rs.getLong("restored"),
				(median != null) ? median.doubleValue() : null, rs.getLong("appeals"), rs.getLong("appeals_upheld"),
				rs.getLong("appeals_restored"));
	}

	private static Map<String, Long> nonZero(ResultSet rs, String column, List<String> keys) throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		for (String key : keys) {
			long count = rs.getLong(column + "_" + key.toLowerCase(Locale.ROOT));
			if (count > 0) {
				counts.put(key, count);
			}
		}
		return counts;
	}

	private static String counts(String column, List<String> keys) {
		return keys.stream()
			.map((key) -> "count(DISTINCT request_id) FILTER (WHERE " + column + " = '" + key + "') AS " + column + "_"
					+ key.toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(",\n  "));
	}

}
