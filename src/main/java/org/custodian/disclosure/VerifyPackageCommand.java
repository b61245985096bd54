package org.custodian.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.custodian.shared.cli.Command;

import org.springframework.stereotype.Component;

/**
 * {@code verify-package <file.zip> --passphrase-file <file> [--public-key <base64>]}:
 * checks a production package against its manifest and signature and, where this platform
 * issued it, that the file is byte for byte the one it issued. Exit 0 when the package is
 * intact, 1 when it is not, 2 on wrong usage.
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
		Path file = null;
		String passphrase = System.getenv("CUSTODIAN_PACKAGE_PASSPHRASE");
		String publicKey = null;
		try {
			for (int i = 0; i < arguments.size(); i++) {
				String argument = arguments.get(i);
				switch (argument) {
					case "--passphrase-file" -> passphrase = Files.readString(Path.of(arguments.get(++i))).strip();
					case "--public-key" -> publicKey = arguments.get(++i);
					default -> file = Path.of(argument);
				}
			}
		}
		catch (IOException | IndexOutOfBoundsException ex) {
			out.println("Cannot read the arguments: " + ex.getMessage());
			return 2;
		}
		if (file == null || passphrase == null || !Files.isRegularFile(file)) {
			out.println("Usage: verify-package <package.zip> --passphrase-file <file> [--public-key <base64>]");
			out.println("       (or the passphrase in CUSTODIAN_PACKAGE_PASSPHRASE)");
			return 2;
		}
		PublicKey key = (publicKey != null) ? SigningKeys.publicKey(Base64.getDecoder().decode(publicKey))
				: this.keys.active().publicKey();
		PackageVerifier.Verdict verdict = PackageVerifier.verify(file, passphrase.toCharArray(), key);
		List<String> problems = new ArrayList<>(verdict.problems());
		String sha = sha256(file);
		boolean issued = this.productions.issued(sha);
		if (publicKey == null && !issued) {
			problems.add("this file (SHA-256 " + sha + ") is not a package this platform issued");
		}
		if (problems.isEmpty()) {
			out.printf("Package VALID: %s, %d files match the signed manifest (key %s), SHA-256 %s%n",
					verdict.caseNumber(), verdict.files(), SigningKeys.keyId(key), sha);
			return 0;
		}
		out.println("Package REJECTED:");
		problems.forEach((problem) -> out.println("  - " + problem));
		return 1;
	}

	private static String sha256(Path file) {
		MessageDigest digest = PackageBuilder.digest();
		byte[] buffer = new byte[256 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			return "unreadable";
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
