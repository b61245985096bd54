package org.custodian.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code audit verify [--checkpoint FILE]}: recomputes the chain, holds it against the
 * signed checkpoints (and those in FILE, saved elsewhere: the published list, one
 * checkpoint, or the mirror's lines), and names the first problem.
 */
@Component
class AuditVerifyCommand implements Command {

	private final AuditLog log;

	AuditVerifyCommand(AuditLog log) {
		this.log = log;
	}

	@Override
	public String name() {
		return "audit verify";
	}

	@Override
	public String summary() {
		return "recompute the audit log's hash chain against its signed checkpoints [--checkpoint FILE]; "
				+ "exit 1 if it was altered, cut short or rewritten";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String file = Command.option(arguments, "--checkpoint");
		List<Checkpoint> saved;
		try {
			saved = (file != null) ? CheckpointFiles.read(existing(Path.of(file))) : List.of();
		}
		catch (IllegalArgumentException ex) {
			out.println("Cannot use --checkpoint: " + ex.getMessage());
			return 2;
		}
		Verification verification = this.log.verify(CurrentUser.commandLine(), saved);
		if (verification.valid()) {
			out.printf("Audit log valid: %d events, head %s%n", verification.events(), verification.head());
			Checkpoint latest = verification.latestCheckpoint();
			out.println(
					(latest != null)
							? "Agrees with " + verification.checkpoints() + " signed checkpoints, the "
									+ "newest at event " + latest.events() + " signed " + latest.signedAt()
							: "No signed checkpoint yet");
			return 0;
		}
		out.printf("Audit log BROKEN at event %d: %s%n", verification.firstBrokenSeq(), verification.problem());
		out.printf("(%d events verified before it)%n", verification.events());
		return 1;
	}

	private static Path existing(Path file) {
		if (!Files.isReadable(file)) {
			throw new IllegalArgumentException(file + " does not exist or cannot be read");
		}
		return file;
	}

}
