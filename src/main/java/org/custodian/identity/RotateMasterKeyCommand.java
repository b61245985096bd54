package org.custodian.identity;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.custodian.shared.crypto.MasterKey;
import org.custodian.shared.crypto.SealedValues;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code keys rotate-master}: run with the new key as {@code CUSTODIAN_MASTER_KEY} and
 * the old one in {@code CUSTODIAN_MASTER_KEY_PREVIOUS}; re-seals every sealed value under
 * the new key in one transaction, audited. Run again after an interruption: it skips what
 * is done. Afterwards the old key can be removed from the configuration.
 */
@Component
class RotateMasterKeyCommand implements Command {

	private final SealedValues sealed;

	private final MasterKey master;

	RotateMasterKeyCommand(SealedValues sealed, MasterKey master) {
		this.sealed = sealed;
		this.master = master;
	}

	@Override
	public String name() {
		return "keys rotate-master";
	}

	@Override
	public String summary() {
		return "re-seal every sealed value under custodian.master-key (the old key in custodian.master-key-previous)";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		CurrentUser operator = CurrentUser.commandLine();
		operator.require(Action.ROTATE_KEYS);
		try {
			Map<String, Integer> counts = this.sealed.rotate(operator.actor());
			counts.forEach((column, count) -> out.printf("%-40s %d re-sealed%n", column, count));
			out.println("Every sealed value is under master key version " + this.master.version()
					+ "; custodian.master-key-previous can now be removed.");
			return 0;
		}
		catch (IllegalStateException ex) {
			out.println("Nothing changed: " + ex.getMessage());
			return 1;
		}
	}

}
