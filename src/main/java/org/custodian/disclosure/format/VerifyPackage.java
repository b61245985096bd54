package org.custodian.disclosure.format;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offline verifier an agency runs:
 * {@code java -jar custodian-verifier.jar <package.zip> --passphrase-file <file> --public-key <key>},
 * where the key is the published base64 key, or a file holding it or the JWK Set. It
 * reads the package and the key and nothing else: no database, no network, no files
 * written. Exit 0 when the package is intact, 1 when it is not, 2 on wrong usage.
 */
public final class VerifyPackage {

	private VerifyPackage() {
	}

	/**
	 * The command's arguments.
	 *
	 * @param file the package
	 * @param passphrase its passphrase
	 * @param publicKey the {@code --public-key} argument, or null
	 */
	public record Arguments(Path file, char[] passphrase, String publicKey) {
	}

	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		System.exit(run(Arrays.asList(args), out));
	}

	/** Runs the offline check; the public key is required. */
	public static int run(List<String> arguments, PrintStream out) {
		Arguments parsed = parse(arguments, out);
		if (parsed == null) {
			return 2;
		}
		if (parsed.publicKey() == null) {
			out.println("--public-key is required offline (the published key, or a file with it or the JWK Set)");
			return 2;
		}
		Map<String, PublicKey> keys;
		try {
			keys = PublicKeys.parse(parsed.publicKey());
		}
		catch (IOException | IllegalArgumentException ex) {
			out.println("Cannot read the public key: " + ex.getMessage());
			return 2;
		}
		PackageVerifier.Verdict verdict = PackageVerifier.verify(parsed.file(), parsed.passphrase(),
				(id) -> Optional.ofNullable(keys.get(id)));
		return report(verdict, List.of(), sha256(parsed.file()), out);
	}

	/** The arguments, or null after printing the usage. */
	public static Arguments parse(List<String> arguments, PrintStream out) {
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
			return null;
		}
		if (file == null || passphrase == null || !Files.isRegularFile(file)) {
			out.println("Usage: verify-package <package.zip> --passphrase-file <file> [--public-key <base64 | file>]");
			out.println("       (or the passphrase in CUSTODIAN_PACKAGE_PASSPHRASE; the key file may be the JWK Set)");
			return null;
		}
		return new Arguments(file, passphrase.toCharArray(), publicKey);
	}

	/** Prints the verdict with any further problems; returns the exit code. */
	public static int report(PackageVerifier.Verdict verdict, List<String> more, String sha256, PrintStream out) {
		if (verdict.valid() && more.isEmpty()) {
			out.printf("Package VALID: %s, %d files match the signed manifest (key %s), SHA-256 %s%n",
					verdict.caseNumber(), verdict.files(), verdict.keyId(), sha256);
			return 0;
		}
		out.println("Package REJECTED:");
		verdict.problems().forEach((problem) -> out.println("  - " + problem));
		more.forEach((problem) -> out.println("  - " + problem));
		return 1;
	}

	/** The SHA-256 of the whole file, hex. */
	public static String sha256(Path file) {
		MessageDigest digest = EntryEncoder.sha256();
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
