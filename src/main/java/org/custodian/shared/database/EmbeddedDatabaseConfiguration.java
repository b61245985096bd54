package org.custodian.shared.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * With no {@code SPRING_DATASOURCE_URL}, runs a real PostgreSQL from Maven Central
 * binaries with its data under {@code ./data/postgres}, so a newcomer needs nothing
 * installed. A second process for the same directory (the CLI while the server runs)
 * joins the running instance instead of starting another one; see {@link EmbeddedServer}
 * for the rule. The {@code prod} profile refuses to start this way: production data never
 * lands in a dev folder.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedPostgres(Environment environment,
			@Value("${custodian.embedded-database.directory:data/postgres}") Path directory,
			@Value("${custodian.embedded-database.port:54329}") int port) {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile needs an external PostgreSQL: set SPRING_DATASOURCE_URL, "
					+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD. The embedded database is for development only.");
		}
		return EmbeddedServer.startOrJoin(directory, port);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	DataSource dataSource(EmbeddedServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + server.port() + "/postgres");
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

}
