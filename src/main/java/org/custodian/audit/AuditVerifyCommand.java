package org.custodian.audit;

import java.io.PrintStream;
import java.util.List;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code audit verify}: recomputes the chain and names the first broken event.
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
		return "recompute the audit log's hash chain; exit 1 if it was altered";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		Verification verification = this.log.verify(CurrentUser.commandLine());
		if (verification.valid()) {
			out.printf("Audit log valid: %d events, head %s%n", verification.events(), verification.head());
			return 0;
		}
		out.printf("Audit log BROKEN at event %d: %s%n", verification.firstBrokenSeq(), verification.problem());
		out.printf("(%d events verified before it)%n", verification.events());
		return 1;
	}

}
