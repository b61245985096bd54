package org.custodian.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one data directory: started by this process, or joined when
 * a server already runs <em>for the same directory</em> (the CLI while the application
 * runs). A server on the configured port that belongs to another directory or program is
 * never joined: this directory's server then starts on a free port.
 *
 * <p>
 * The server keeps {@code fsync} and {@code synchronous_commit} on: a request answered
 * 201 survives a crash of the database (the embedded library's defaults, {@code -F} and
 * {@code synchronous_commit=off}, do not).
 *
 * @param postgres the server this process started, or null when it joined one
 * @param directory the data directory, absolute
 * @param port the port the server listens on
 */
record EmbeddedServer(EmbeddedPostgres postgres, Path directory, int port) implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

	/**
	 * Joins the server running for {@code configured}, or starts one on {@code port} (or
	 * on a free port when that one is taken by another server).
	 */
	static EmbeddedServer startOrJoin(Path configured, int port) {
		Path directory = canonical(configured);
		Integer running = recordedPort(directory);
		if (running != null && directory.equals(servedDirectory(running))) {
			log.info("Joining the embedded PostgreSQL already running on port {} for {}", running, directory);
			return new EmbeddedServer(null, directory, running);
		}
		int chosen = port;
		if (listening(port)) {
			chosen = freePort();
			Path other = servedDirectory(port);
			log.warn("Port {} is taken by {}, not by this instance's database in {}: starting it on port {} instead",
					port, (other != null) ? "the PostgreSQL of " + other : "another server", directory, chosen);
		}
		return start(directory, chosen);
	}

	/**
	 * The data directory of the server on the port, or null if it is not one we can ask.
	 */
	private static Path servedDirectory(int port) {
		Properties credentials = new Properties();
		credentials.setProperty("user", "postgres");
		credentials.setProperty("connectTimeout", "2");
		credentials.setProperty("loginTimeout", "3");
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
				credentials);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW data_directory")) {
			return rs.next() ? canonical(Path.of(rs.getString(1))) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private static EmbeddedServer start(Path directory, int port) {
		try {
			Files.createDirectories(directory);
			log.warn("Starting an EMBEDDED PostgreSQL (development only) with data in {} on port {}", directory, port);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPort(port)
				// Given after the library's -F, so they win: durable commits.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.start();
			return new EmbeddedServer(postgres, canonical(directory), port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/**
	 * The port in the directory's {@code postmaster.pid} (its fourth line), which
	 * PostgreSQL writes while it runs; null if there is none.
	 */
	private static Integer recordedPort(Path directory) {
		try {
			List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
			return (lines.size() >= 4) ? Integer.valueOf(lines.get(3).trim()) : null;
		}
		catch (IOException | NumberFormatException ex) {
			return null;
		}
	}

	private static Path canonical(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded PostgreSQL", ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

}
