package org.custodian.authorization;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads state and the audit log straight from the database, so that looking changes
 * nothing (a staff read of a case through the API is itself audited).
 */
final class Probes {

	/** Columns that tie a row of some table to a request. */
	private static final List<String> REQUEST_COLUMNS = List.of("request_id", "emergency_request_id",
			"legal_request_id", "preservation_request_id");

	private final JdbcClient jdbc;

	private List<String> requestTables;

	Probes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For fixtures that must store what no endpoint lets a test create (a mailed token).
	 */
	JdbcClient jdbc() {
		return this.jdbc;
	}

	/** The rows a query selects, as JSON. */
	Supplier<String> rows(String sql, Object... params) {
		return () -> this.jdbc.sql("SELECT coalesce(json_agg(t)::text, '[]') FROM (" + sql + ") t")
			.params(params)
			.query(String.class)
			.single();
	}

	Supplier<String> count(String table) {
		return rows("SELECT count(*) FROM " + table);
	}

	/** Everything stored about a request, in every table that refers to it: one query. */
	Supplier<String> request(String id) {
		return () -> {
			StringBuilder sql = new StringBuilder(
					"SELECT concat_ws(' ', (SELECT json_agg(t)::text FROM request t " + "WHERE id::text = :id)");
			for (String table : requestTables()) {
				String[] parts = table.split("\\.");
				// Officers' e-mails are delivered by a job on its own time: which exist
				// is the request's state, not how far their delivery got.
				String columns = "officer_notification".equals(parts[0])
						? "json_build_object('id', t.id, 'kind', t.kind)" : "t";
				sql.append(", '")
					.append(parts[0])
					.append("', (SELECT json_agg(" + columns + ")::text FROM ")
					.append(parts[0])
					.append(" t WHERE ")
					.append(parts[1])
					.append("::text = :id)");
			}
			return this.jdbc.sql(sql.append(")").toString()).param("id", id).query(String.class).single();
		};
	}

	/**
	 * Audit events about these subjects or by this actor, leaving out sign-ins and the
	 * use of tokens (which every call records) and the officers' e-mails the job delivers
	 * on its own time (the notification rows themselves are in the request's state).
	 */
	long auditEvents(List<String> subjects, String actorId) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE (subject_id = ANY(?) OR actor_id = ?) "
					+ "AND action <> 'token.used' AND action NOT LIKE 'login.%' AND action NOT LIKE 'officer.notif%'")
			.params(subjects.toArray(String[]::new), actorId)
			.query(Long.class)
			.single();
	}

	private synchronized List<String> requestTables() {
		if (this.requestTables == null) {
			this.requestTables = this.jdbc
				.sql("SELECT table_name || '.' || column_name FROM information_schema.columns "
						+ "WHERE table_schema = current_schema() AND column_name IN (:columns) "
						+ "AND table_name NOT IN ('audit_event', 'idempotency_key') ORDER BY 1")
				.param("columns", REQUEST_COLUMNS)
				.query(String.class)
				.list();
		}
		return this.requestTables;
	}

}
