package org.custodian.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.custodian.CustodianApplication;
import org.custodian.shared.cli.CommandLine;
import org.custodian.support.Instances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Under {@code prod} the embedded database is neither started nor joined: not with no
 * datasource configured at all, and not when a developer's embedded server is running for
 * the very folder the production process is pointed at, which stays untouched.
 */
class ProdRefusesEmbeddedDatabaseTests {

	@TempDir
	Path folder;

	@Test
	void refusesToStartOneWhenNoDatabaseIsConfigured() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(CustodianApplication.class).profiles("prod")
			.web(WebApplicationType.NONE)
			.run("--custodian.embedded-database.directory=" + this.folder.resolve("data/postgres"))
			.close()).rootCause().hasMessageContaining("The prod profile needs an external PostgreSQL");
		assertThat(this.folder.resolve("data/postgres")).as("no database created").doesNotExist();
	}

	@Test
	void refusesToJoinTheEmbeddedServerRunningForItsFolder() throws Exception {
		Path directory = this.folder.resolve("data/postgres");
		try (EmbeddedServer development = EmbeddedServer.startOrJoin(directory, Instances.freePort())) {
			assertThatThrownBy(() -> CommandLine.run(CustodianApplication.class,
					new String[] { "--spring.profiles.active=prod",
							"--custodian.embedded-database.directory=" + directory, "audit", "verify" }))
				.rootCause()
				.hasMessageContaining("The prod profile needs an external PostgreSQL")
				.hasMessageContaining("SPRING_DATASOURCE_URL");
			try (Connection connection = DriverManager
				.getConnection("jdbc:postgresql://localhost:" + development.port() + "/postgres", "postgres", "");
					ResultSet tables = connection.createStatement()
						.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
				tables.next();
				assertThat(tables.getInt(1)).as("nothing migrated into the development database").isZero();
			}
		}
	}

}
