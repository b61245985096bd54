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

	private static final Set<String> GROUPS = Set.of("audit", "report", "policy", "sanctions", "verify-package",
			"help");

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && GROUPS.contains(args[0]);
	}

	public static int run(Class<?> application, String[] args) {
		PrintStream out = System.out;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("custodian.cli=true", "db-scheduler.enabled=false", "logging.level.root=warn",
					"logging.level.org.custodian=warn")
			.run()) {
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

}
