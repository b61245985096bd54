package org.custodian.disclosure.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Packages with ZIP64 records, without writing gigabytes: a built package's entries laid
 * out again by {@link CanonicalZipWriter} with lowered ZIP64 thresholds, and checked by
 * {@link PackageVerifier} under the same thresholds. The entries' encrypted bytes are
 * copied as they are (WinZip AES covers data, not headers).
 */
public final class Zip64Packages {

	private Zip64Packages() {
	}

	/**
	 * @param bytes the first size or offset written as ZIP64 (0: every one)
	 * @param entries the first entry count written as ZIP64 (0: always)
	 */
	public static void relayout(Path from, Path to, Instant producedAt, long bytes, long entries)
			throws IOException, CanonicalZipReader.NotCanonical {
		try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
				OutputStream out = Files.newOutputStream(to)) {
			CanonicalZipWriter writer = new CanonicalZipWriter(out, producedAt, new ZipLayout.Zip64(bytes, entries));
			for (CanonicalZipReader.Entry entry : CanonicalZipReader.read(in)) {
				ZipLayout.Header header = entry.header();
				InputStream data = Channels.newInputStream(in.position(entry.dataOffset()));
				writer.add(entry.name(),
						new EncodedEntry(header.method(), "copied", header.compressedSize(), header.size(), null),
						data);
			}
			writer.finish();
		}
	}

	/**
	 * {@link PackageVerifier#verify} under the thresholds the package was laid out with.
	 */
	public static PackageVerifier.Verdict verify(Path file, char[] passphrase,
			Function<String, Optional<PublicKey>> keys, long bytes, long entries) {
		return PackageVerifier.verify(file, passphrase, keys, new ZipLayout.Zip64(bytes, entries));
	}

}
