package org.custodian.shared.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one {@link Command} in the same application, without the web server, and exits.
 */
public final class CommandLine {

	private static final Set<String> GROUPS = Set.of("audit", "report", "policy", "sanctions", "verify-package", "keys",
			"help");

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		List<String> words = words(args);
		return !words.isEmpty() && GROUPS.contains(words.get(0));
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out);
	}

	/**
	 * Runs the command named by the words among {@code args}; the {@code --name=value}
	 * settings among them (e.g. {@code --custodian.embedded-database.port=54330}) go to
	 * Spring, like the environment, as for the server.
	 */
	public static int run(Class<?> application, String[] allArgs, PrintStream out) {
		String[] args = words(allArgs).toArray(String[]::new);
		String[] settings = Arrays.stream(allArgs).filter(CommandLine::isSetting).toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("custodian.cli=true", "db-scheduler.enabled=false", "logging.level.root=warn",
					"logging.level.org.custodian=warn")
			.run(settings)) {
			List<Command> commands = context.getBeansOfType(Command.class)
				.values()
				.stream()
				.sorted(Comparator.comparing(Command::name))
				.toList();
			String line = String.join(" ", args);
			for (Command command : commands) {
				if (line.equals(command.name()) || line.startsWith(command.name() + " ")) {
					List<String> rest = Arrays.asList(args).subList(command.name().split(" ").length, args.length);
					return command.run(rest, out);
				}
			}
			out.println("Usage: java -jar custodian.jar <command>");
			commands.forEach((command) -> out.printf("  %-28s %s%n", command.name(), command.summary()));
			return "help".equals(args[0]) ? 0 : 2;
		}
	}

	private static List<String> words(String[] args) {
		return Arrays.stream(args).filter((arg) -> !isSetting(arg)).toList();
	}

	/**
	 * {@code --name=value}: a setting for Spring; commands take {@code --option value}.
	 */
	private static boolean isSetting(String arg) {
		return arg.startsWith("--") && arg.indexOf('=') > 2;
	}

}
