package org.custodian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the tests run on, once per test run: a fresh database on the server
 * named by {@code CUSTODIAN_TEST_DB_URL} (dropped when the run ends), or else an embedded
 * server.
 */
public final class TestDatabase {

	private static TestDatabase instance;

	private final String url;

	private final String username;

	/** Where databases are created and dropped: the server's, not the tests' own. */
	private final String adminUrl;

	private TestDatabase(String url, String username, String adminUrl) {
		this.url = url;
		this.username = username;
		this.adminUrl = adminUrl;
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			String server = System.getenv("CUSTODIAN_TEST_DB_URL");
			instance = (server != null && !server.isBlank()) ? onServer(server) : embedded();
		}
		return instance;
	}

	/**
	 * Another fresh database on the same server, for tests that need a world of their own
	 * (the demo's replayed history, with its pause of Hong Kong); dropped when the run
	 * ends.
	 */
	public TestDatabase separate() {
		String name = create(this.adminUrl, this.username);
		return new TestDatabase(this.adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), this.username,
				this.adminUrl);
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, "");
	}

	private static TestDatabase onServer(String serverUrl) {
		String jdbcUrl = serverUrl.startsWith("jdbc:") ? serverUrl
				: "jdbc:" + serverUrl.replaceFirst("^postgres(ql)?:", "postgresql:");
		String user = System.getenv().getOrDefault("CUSTODIAN_TEST_DB_USER", "postgres");
		String name = create(jdbcUrl, user);
		String base = jdbcUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
		return new TestDatabase(base, user, jdbcUrl);
	}

	/** Creates a database with a fresh name, to be dropped when the run ends. */
	private static String create(String jdbcUrl, String user) {
		String name = "custodian_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = DriverManager.getConnection(jdbcUrl, user, "");
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + jdbcUrl, ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(jdbcUrl, user, name)));
		return name;
	}

	private static void drop(String jdbcUrl, String user, String name) {
		try (Connection admin = DriverManager.getConnection(jdbcUrl, user, "");
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			// Nothing to report to at shutdown; a leftover database is named
			// custodian_test_*.
		}
	}

	private static TestDatabase embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The temporary directory is cleaned by the OS.
				}
			}));
			String url = postgres.getJdbcUrl("postgres", "postgres");
			return new TestDatabase(url, "postgres", url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", ex);
		}
	}

}
