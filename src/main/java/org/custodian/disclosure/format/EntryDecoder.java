package org.custodian.disclosure.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one entry of a package back: checks the password check, authenticates every byte
 * of ciphertext with the entry's HMAC, decrypts and inflates it, and requires that the
 * compressed stream ends exactly where the entry does and yields exactly its size.
 */
final class EntryDecoder {

	private EntryDecoder() {
	}

	/** The entry is not what its header promises, or the passphrase is wrong. */
	static final class Rejected extends Exception {

		private static final long serialVersionUID = 1L;

		Rejected(String message) {
			super(message);
		}

	}

	/**
	 * A file's SHA-256 and size.
	 *
	 * @param sha256 hex
	 * @param bytes its size
	 */
	record Digest(String sha256, long bytes) {
	}

	static byte[] readAll(FileChannel file, CanonicalZipReader.Entry entry, char[] passphrase, int limit)
			throws IOException, Rejected {
		if (entry.header().size() > limit) {
			throw new Rejected(entry.name() + ": larger than a " + entry.name() + " can be");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		decode(file, entry, passphrase, out);
		return out.toByteArray();
	}

	static Digest digest(FileChannel file, CanonicalZipReader.Entry entry, char[] passphrase)
			throws IOException, Rejected {
		MessageDigest sha = EntryEncoder.sha256();
		long bytes = decode(file, entry, passphrase, new OutputStream() {
			@Override
			public void write(int b) {
				sha.update((byte) b);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				sha.update(b, off, len);
			}
		});
		return new Digest(HexFormat.of().formatHex(sha.digest()), bytes);
	}

	private static long decode(FileChannel file, CanonicalZipReader.Entry entry, char[] passphrase, OutputStream out)
			throws IOException, Rejected {
		ZipLayout.Header header = entry.header();
		long position = entry.dataOffset();
		ByteBuffer prefix = CanonicalZipReader.at(file, position, WinZipAes.SALT + WinZipAes.CHECK);
		byte[] salt = new byte[WinZipAes.SALT];
		byte[] check = new byte[WinZipAes.CHECK];
		prefix.get(salt).get(check);
		WinZipAes aes = new WinZipAes(passphrase, salt);
		if (!aes.checks(check)) {
			throw new Rejected(entry.name() + ": wrong passphrase, or its salt was altered");
		}
		position += WinZipAes.SALT + WinZipAes.CHECK;
		long ciphertext = header.compressedSize() - WinZipAes.OVERHEAD;
		Inflater inflater = (header.method() == ZipLayout.DEFLATED) ? new Inflater(true) : null;
		byte[] output = new byte[64 * 1024];
		long written = 0;
		try {
			for (long done = 0; done < ciphertext;) {
				int n = (int) Math.min(64 * 1024, ciphertext - done);
				byte[] chunk = CanonicalZipReader.at(file, position + done, n).array();
				aes.decrypt(chunk, 0, n);
				written += (inflater == null) ? emit(out, chunk, n) : inflate(inflater, chunk, n, output, out);
				done += n;
			}
			byte[] code = CanonicalZipReader.at(file, position + ciphertext, WinZipAes.MAC).array();
			if (!MessageDigest.isEqual(code, aes.authenticationCode())) {
				throw new Rejected(entry.name() + ": fails its AES authentication (altered)");
			}
			if (inflater != null && (!inflater.finished() || inflater.getRemaining() > 0)) {
				throw new Rejected(entry.name() + ": its compressed data does not end where the entry does");
			}
		}
		catch (DataFormatException ex) {
			throw new Rejected(entry.name() + ": its compressed data is corrupt (" + ex.getMessage() + ")");
		}
		finally {
			if (inflater != null) {
				inflater.end();
			}
		}
		if (written != header.size()) {
			throw new Rejected(entry.name() + ": " + written + " bytes, not the " + header.size() + " its header says");
		}
		return written;
	}

	private static long emit(OutputStream out, byte[] chunk, int n) throws IOException {
		out.write(chunk, 0, n);
		return n;
	}

	private static long inflate(Inflater inflater, byte[] chunk, int n, byte[] output, OutputStream out)
			throws IOException, DataFormatException, Rejected {
		if (inflater.finished()) {
			throw new Rejected("bytes after the end of the compressed data");
		}
		inflater.setInput(chunk, 0, n);
		long written = 0;
		while (!inflater.needsInput() && !inflater.finished()) {
			int produced = inflater.inflate(output);
			out.write(output, 0, produced);
			written += produced;
			if (produced == 0 && inflater.needsDictionary()) {
				throw new DataFormatException("asks for a dictionary");
			}
		}
		return written;
	}

}
