package org.custodian.shared.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the command-line interface, run as
 * {@code java -jar custodian.jar <group> <name> …}. Modules contribute commands as beans.
 */
public interface Command {

	/** The words that name the command, e.g. {@code "audit verify"}. */
	String name();

	/** One line for the usage text. */
	String summary();

	/**
	 * Runs the command.
	 * @param arguments the words after the command's name
	 * @param out where to print results for the operator
	 * @return the process exit code: 0 for success
	 */
	int run(List<String> arguments, PrintStream out);

	/** The word after {@code --name} among the arguments, or null. */
	static String option(List<String> arguments, String name) {
		int index = arguments.indexOf(name);
		return (index >= 0 && index + 1 < arguments.size()) ? arguments.get(index + 1) : null;
	}

}
