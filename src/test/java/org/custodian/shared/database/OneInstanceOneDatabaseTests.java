package org.custodian.shared.database;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.custodian.CustodianApplication;
import org.custodian.shared.cli.CommandLine;
import org.custodian.support.Instances;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances started side by side in different folders, both configured for the same
 * embedded-database port, each use only their own database; the CLI pointed at either
 * folder (by its settings or the environment) reads only that folder's database.
 */
class OneInstanceOneDatabaseTests {

	private static final Pattern EVENTS = Pattern.compile("(\\d+) events");

	@TempDir
	Path temp;

	@Test
	void eachInstanceAndTheCliPointedAtItUseOnlyItsOwnDatabase() throws Exception {
		int port = Instances.freePort();
		Path a = this.temp.resolve("a");
		Path b = this.temp.resolve("b");
		try (ConfigurableApplicationContext first = Instances.inFolder(a, port, "--db-scheduler.enabled=false");
				ConfigurableApplicationContext second = Instances.inFolder(b, port, "--db-scheduler.enabled=false")) {
			EmbeddedServer serverA = first.getBean(EmbeddedServer.class);
			EmbeddedServer serverB = second.getBean(EmbeddedServer.class);
			assertThat(serverA.port()).isEqualTo(port);
			assertThat(serverB.port()).as("the port is taken by the other folder's database").isNotEqualTo(port);
			assertThat(dataDirectory(first)).isEqualTo(a.resolve("data/postgres").toRealPath().toString());
			assertThat(dataDirectory(second)).isEqualTo(b.resolve("data/postgres").toRealPath().toString());

			World world = Instances.world(first);
			world.agency("US");
			world.agency("GB");
			long eventsA = events(first);
			long eventsB = events(second);
			assertThat(eventsA).isGreaterThan(eventsB);

			List<String> atA = new ArrayList<>(Instances.folderSettings(a, port));
			atA.addAll(List.of("audit", "verify"));
			assertThat(cli(atA)).isEqualTo(eventsA);
			// Folder b, with the port of a's database: b's own database, never a's.
			assertThat(cliInChildProcess(b, port)).isEqualTo(eventsB);
			assertThat(events(first)).as("a's database untouched by b's commands").isEqualTo(eventsA);
		}
	}

	private static String dataDirectory(ConfigurableApplicationContext instance) {
		return JdbcClient.create(instance.getBean(DataSource.class))
			.sql("SHOW data_directory")
			.query(String.class)
			.single();
	}

	private static long events(ConfigurableApplicationContext instance) {
		return JdbcClient.create(instance.getBean(DataSource.class))
			.sql("SELECT count(*) FROM audit_event")
			.query(Long.class)
			.single();
	}

	/** {@code audit verify} in this JVM; the number of events it verified. */
	private static long cli(List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = CommandLine.run(CustodianApplication.class, args.toArray(String[]::new),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(code).as(printed).isZero();
		return events(printed);
	}

	/**
	 * {@code java … audit verify} as an operator runs it, with the folder and port given
	 * by environment variables.
	 */
	private long cliInChildProcess(Path folder, int port) throws Exception {
		Path output = this.temp.resolve("cli.out");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				CustodianApplication.class.getName(), "audit", "verify")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().remove("SPRING_DATASOURCE_URL");
		builder.environment().put("CUSTODIAN_EMBEDDED_DATABASE_DIRECTORY", folder.resolve("data/postgres").toString());
		builder.environment().put("CUSTODIAN_EMBEDDED_DATABASE_PORT", Integer.toString(port));
		builder.environment().put("CUSTODIAN_MASTER_KEY", Instances.MASTER_KEY);
		builder.directory(this.temp.toFile());
		Process process = builder.start();
		try {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
			String printed = Files.readString(output);
			assertThat(process.exitValue()).as(printed).isZero();
			return events(printed);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static long events(String printed) {
		Matcher matcher = EVENTS.matcher(printed);
		assertThat(matcher.find()).as(printed).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
