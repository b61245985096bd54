package org.custodian.disclosure.connector;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Reads that stream with a server-side cursor on a connection of their own, in a short
 * read-only transaction that lasts as long as the stream: a package build holds no
 * connection between its reads and runs in no transaction of its own (PostgreSQL streams
 * a result only inside a transaction; outside one it would load every row first).
 */
final class CursorReads {

	private static final int FETCH_SIZE = 1000;

	private final DataSource dataSource;

	CursorReads(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Runs a query on a connection that the returned stream closes. */
	<T> Stream<T> stream(Function<NamedParameterJdbcTemplate, Stream<T>> query) {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			template.setFetchSize(FETCH_SIZE);
			Connection held = connection;
			return query.apply(new NamedParameterJdbcTemplate(template)).onClose(() -> release(held));
		}
		catch (SQLException | RuntimeException ex) {
			if (connection != null) {
				release(connection);
			}
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new DataAccessResourceFailureException("Cannot open a connection to read records", ex);
		}
	}

	private static void release(Connection connection) {
		try (connection) {
			connection.rollback();
			connection.setReadOnly(false);
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot release the connection that read records", ex);
		}
	}

}
