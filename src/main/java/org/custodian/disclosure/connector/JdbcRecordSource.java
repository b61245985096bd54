package org.custodian.disclosure.connector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.custodian.disclosure.DataRecord;
import org.custodian.disclosure.DisclosureProperties;
import org.custodian.disclosure.RecordSource;
import org.custodian.shared.DataCategory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The JDBC connector: one configured SQL query per category, run against the platform's
 * own database (typically a read replica), streamed with a cursor on a connection of its
 * own for each read.
 */
class JdbcRecordSource implements RecordSource {

	private final CursorReads reads;

	private final DisclosureProperties.Jdbc settings;

	JdbcRecordSource(DataSource dataSource, DisclosureProperties.Jdbc settings) {
		this.reads = new CursorReads(dataSource);
		this.settings = settings;
	}

	@Override
	public List<String> fields(DataCategory category) {
		return this.settings.fields().getOrDefault(category, List.of());
	}

	@Override
	public Stream<DataRecord> export(String accountId, DataCategory category, LocalDate from, LocalDate to) {
		String sql = this.settings.queries().get(category);
		if (sql == null) {
			throw new IllegalStateException(
					"No query configured for " + category + " (custodian.disclosure.jdbc.queries." + category + ")");
		}
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("account", accountId)
			.addValue("from", SamplePlatform.start(from))
			.addValue("to", SamplePlatform.start(to.plusDays(1)));
		List<String> fields = fields(category);
		return this.reads.stream((jdbc) -> jdbc.queryForStream(sql, params, (rs, row) -> record(rs, fields)));
	}

	private static DataRecord record(ResultSet rs, List<String> fields) throws SQLException {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : fields) {
			values.put(field, rs.getString(field));
		}
		OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
		return new DataRecord(rs.getString("kind"), (at != null) ? at.toInstant() : null, values);
	}

}
