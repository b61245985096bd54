package org.custodian.disclosure;

import java.util.Arrays;

import org.custodian.disclosure.format.VerifyPackage;

/**
 * {@code java -jar custodian.jar verify-package <file> --passphrase-file <file> --public-key <key>}:
 * the offline check an agency runs, dispatched before any Spring context starts, so it
 * needs no database and writes nothing (the same as the small verifier jar).
 */
public final class OfflineVerifier {

	private OfflineVerifier() {
	}

	/** Whether the command line asks for the offline check. */
	public static boolean handles(String[] args) {
		return args.length > 0 && "verify-package".equals(args[0]) && Arrays.asList(args).contains("--public-key");
	}

	/** Runs it and exits with its code. */
	public static void run(String[] args) {
		VerifyPackage.main(Arrays.copyOfRange(args, 1, args.length));
	}

}
