package org.custodian.disclosure.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import net.lingala.zip4j.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each file is compressed only as far as it pays: repetitive text deflated, random text
 * Huffman-coded, random bytes (like compressed media) stored, and level 0 stores all.
 * 7-Zip and an independent reader (zip4j) open every kind.
 */
class EntryEncoderTests {

	private static final char[] PASSPHRASE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ".toCharArray();

	@TempDir
	Path temp;

	@Test
	void compressesOnlyWhatCompressesAndSevenZipAndZip4jOpenEveryKind() throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("words.txt", words());
		files.put("random-text.txt", randomText());
		files.put("media.bin", randomBytes());
		files.put("empty.txt", new byte[0]);
		Path zip = this.temp.resolve("kinds.zip");
		Map<String, String> codings = new LinkedHashMap<>();
		try (OutputStream out = Files.newOutputStream(zip)) {
			CanonicalZipWriter writer = new CanonicalZipWriter(out, Instant.parse("2026-12-01T00:00:00Z"));
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				EncodedEntry entry = encode(file.getValue(), 1, writer, file.getKey());
				codings.put(file.getKey(), entry.coding());
				assertThat(entry.sha256()).isEqualTo(sha256(file.getValue()));
			}
			writer.finish();
		}
		assertThat(codings).containsEntry("words.txt", "deflate")
			.containsEntry("random-text.txt", "huffman")
			.containsEntry("media.bin", "stored");
		try (ZipFile reader = new ZipFile(zip.toFile(), PASSPHRASE)) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				try (InputStream in = reader.getInputStream(reader.getFileHeader(file.getKey()))) {
					assertThat(in.readAllBytes()).as(file.getKey()).isEqualTo(file.getValue());
				}
			}
		}
		boolean available = new File("/usr/bin/7z").canExecute();
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(available, "7z is not installed (apt-get install p7zip-full): skipped");
		}
		Path out = this.temp.resolve("7z");
		Process sevenZip = new ProcessBuilder("7z", "x", "-p" + new String(PASSPHRASE), "-o" + out, zip.toString())
			.redirectErrorStream(true)
			.start();
		String log = new String(sevenZip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(sevenZip.waitFor()).as(log).isZero();
		assertThat(log).as(log).doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("error");
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			assertThat(Files.readAllBytes(out.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
		}
	}

	@Test
	void levelZeroStoresEverything() throws Exception {
		ByteArrayOutputStream sink = new ByteArrayOutputStream();
		try (EntryEncoder encoder = new EntryEncoder(PASSPHRASE, 0, sink)) {
			byte[] words = words();
			encoder.write(words, 0, words.length);
			EncodedEntry entry = encoder.finish();
			assertThat(entry.coding()).isEqualTo("stored");
			assertThat(entry.storedSize()).isEqualTo(words.length + WinZipAes.OVERHEAD);
		}
	}

	private static EncodedEntry encode(byte[] content, int level, CanonicalZipWriter writer, String name)
			throws Exception {
		ByteArrayOutputStream stored = new ByteArrayOutputStream();
		try (EntryEncoder encoder = new EntryEncoder(PASSPHRASE, level, stored)) {
			// in uneven pieces, as a generator writes them
			for (int done = 0; done < content.length;) {
				int n = Math.min(content.length - done, 1 + (done % 200_003));
				encoder.write(content, done, n);
				done += n;
			}
			EncodedEntry entry = encoder.finish();
			writer.add(name, entry, new ByteArrayInputStream(stored.toByteArray()));
			return entry;
		}
	}

	/** Text from a small vocabulary, where deflate's matches pay. */
	private static byte[] words() {
		String[] vocabulary = { "the", "request", "account", "message", "police", "of", "and", "to", "record" };
		SplittableRandom random = new SplittableRandom(1);
		StringBuilder text = new StringBuilder();
		while (text.length() < 400_000) {
			text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Random characters of a 64-letter alphabet: Huffman coding saves a quarter, matches
	 * nothing.
	 */
	private static byte[] randomText() {
		byte[] alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,"
			.getBytes(StandardCharsets.US_ASCII);
		SplittableRandom random = new SplittableRandom(2);
		byte[] text = new byte[EntryEncoder.PROBE + 3 * HuffmanDeflater.BLOCK + 777];
		for (int i = 0; i < text.length; i++) {
			text[i] = alphabet[random.nextInt(alphabet.length)];
		}
		return text;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[EntryEncoder.PROBE + 1000];
		new SplittableRandom(3).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(EntryEncoder.sha256().digest(bytes));
	}

}
