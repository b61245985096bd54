package org.custodian.agency;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code sanctions import <file.csv>}: replaces the sanctions list in force.
 */
@Component
class SanctionsImportCommand implements Command {

	private final Sanctions sanctions;

	SanctionsImportCommand(Sanctions sanctions) {
		this.sanctions = sanctions;
	}

	@Override
	public String name() {
		return "sanctions import";
	}

	@Override
	public String summary() {
		return "import a sanctions list (SDN CSV layout, or name,program,remarks): sanctions import FILE";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		if (arguments.size() != 1) {
			out.println("Usage: sanctions import FILE.csv");
			return 2;
		}
		Path file = Path.of(arguments.get(0));
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int entries = this.sanctions.importList(reader, file.getFileName().toString(), CurrentUser.commandLine());
			out.printf("Imported %d sanctions entries from %s%n", entries, file);
			return 0;
		}
		catch (IOException ex) {
			out.println("Cannot read " + file + ": " + ex.getMessage());
			return 1;
		}
		catch (InvalidInputException ex) {
			out.println("Not imported: " + ex.errors());
			return 1;
		}
	}

}
