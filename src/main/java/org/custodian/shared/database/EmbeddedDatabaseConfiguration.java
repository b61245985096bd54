package org.custodian.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * With no {@code SPRING_DATASOURCE_URL}, runs a real PostgreSQL from Maven Central
 * binaries with its data under {@code ./data/postgres}, so a newcomer needs nothing
 * installed. A second process (the CLI while the server runs) joins the running instance
 * instead of starting another one. The {@code prod} profile refuses to start this way:
 * production data never lands in a dev folder.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(Environment environment,
			@Value("${custodian.embedded-database.directory:data/postgres}") Path directory,
			@Value("${custodian.embedded-database.port:54329}") int port) {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile needs an external PostgreSQL: set SPRING_DATASOURCE_URL, "
					+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. The embedded database is for development only.");
		}
		if (Files.exists(directory.resolve("postmaster.pid")) && listening(port)) {
			log.info("Joining the embedded PostgreSQL already running on port {} for {}", port, directory);
			return new EmbeddedServer(null, port);
		}
		try {
			Files.createDirectories(directory);
			log.warn("Starting an EMBEDDED PostgreSQL (development only) with data in {}", directory.toAbsolutePath());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.start();
			return new EmbeddedServer(postgres, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	@Bean
	DataSource dataSource(EmbeddedServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + server.port() + "/postgres");
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
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

	record EmbeddedServer(EmbeddedPostgres postgres, int port) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (this.postgres != null) {
				this.postgres.close();
			}
		}

	}

}
