package org.custodian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.custodian.CustodianApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Custodian started in this JVM as a newcomer runs it in a folder of its own: the
 * embedded PostgreSQL with its data under {@code <folder>/data/postgres}, packages and
 * keys under {@code <folder>/data}, a bootstrap administrator with
 * {@link IntegrationTest#ADMIN_TOKEN}.
 */
public final class Instances {

	/** One master key for every instance a test starts on a database. */
	public static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private Instances() {
	}

	/** The settings that put an instance (or a CLI run) in the folder. */
	public static List<String> folderSettings(Path folder, int databasePort) {
		Path data = folder.resolve("data");
		return List.of("--spring.datasource.url=embedded",
				"--custodian.embedded-database.directory=" + data.resolve("postgres"),
				"--custodian.embedded-database.port=" + databasePort, "--custodian.master-key=" + MASTER_KEY,
				"--custodian.disclosure.storage=" + data.resolve("productions"));
	}

	/** The application on a random HTTP port, in the folder. */
	public static ConfigurableApplicationContext inFolder(Path folder, int databasePort, String... more) {
		List<String> args = new ArrayList<>(folderSettings(folder, databasePort));
		args.addAll(List.of("--server.port=0", "--server.shutdown=immediate",
				"--custodian.bootstrap.admin-email=admin@platform.example",
				"--custodian.bootstrap.admin-password=correct horse battery staple",
				"--custodian.bootstrap.admin-token=" + IntegrationTest.ADMIN_TOKEN,
				"--custodian.web.sign-in-limit=100000"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(CustodianApplication.class).run(args.toArray(String[]::new));
	}

	/** A world of agencies and people on the instance, made through its API. */
	public static World world(ConfigurableApplicationContext instance) {
		return new World(api(instance), IntegrationTest.ADMIN_TOKEN);
	}

	public static Api api(ConfigurableApplicationContext instance) {
		return new Api(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
