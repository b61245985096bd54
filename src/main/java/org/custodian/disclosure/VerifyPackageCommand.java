package org.custodian.disclosure;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.custodian.disclosure.format.PackageVerifier;
import org.custodian.disclosure.format.VerifyPackage;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code verify-package <file.zip> --passphrase-file <file>}: the online check, with the
 * platform's own keys, that a package is intact and byte for byte one this platform
 * issued. With {@code --public-key} it is the offline check of {@link VerifyPackage},
 * which {@code CustodianApplication} runs before any Spring context starts. Exit 0 when
 * the package is intact, 1 when it is not, 2 on wrong usage.
 */
@Component
class VerifyPackageCommand implements Command {

	private final SigningKeys keys;

	private final ProductionService productions;

	VerifyPackageCommand(SigningKeys keys, ProductionService productions) {
		this.keys = keys;
		this.productions = productions;
	}

	@Override
	public String name() {
		return "verify-package";
	}

	@Override
	public String summary() {
		return "check a production package against its manifest and signature; exit 1 if altered";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		if (arguments.contains("--public-key")) {
			return VerifyPackage.run(arguments, out);
		}
		VerifyPackage.Arguments parsed = VerifyPackage.parse(arguments, out);
		if (parsed == null) {
			return 2;
		}
		PackageVerifier.Verdict verdict = PackageVerifier.verify(parsed.file(), parsed.passphrase(),
				this.keys::publicKey);
		String sha = VerifyPackage.sha256(parsed.file());
		List<String> more = new ArrayList<>();
		if (!this.productions.issued(sha)) {
			more.add("this file (SHA-256 " + sha + ") is not a package this platform issued");
		}
		return VerifyPackage.report(verdict, more, sha, out);
	}

}
