package org.custodian.disclosure;

import java.io.PrintStream;
import java.util.List;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code keys rotate-signing}: the production signing key rotates; packages and reports
 * signed before still verify with the retired key, which stays in the JWK Set.
 */
@Component
class RotateSigningKeyCommand implements Command {

	private final SigningKeys keys;

	RotateSigningKeyCommand(SigningKeys keys) {
		this.keys = keys;
	}

	@Override
	public String name() {
		return "keys rotate-signing";
	}

	@Override
	public String summary() {
		return "sign packages and reports with a new key from now on; the old one stays published";
	}

	@Override
	public int run(List<String> arguments, PrintStream out) {
		String id = this.keys.rotate(CurrentUser.commandLine());
		out.println(
				"Signing with key " + id + " from now on; the retired key stays in /.well-known/custodian/jwks.json");
		return 0;
	}

}
