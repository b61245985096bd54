package org.custodian.disclosure.format;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.Deflater;

/**
 * Encodes one file into a WinZip AES-256 entry's bytes as it is written: SHA-256 of the
 * file, compression, encryption and authentication in one pass. Deflate's match search is
 * used only where it pays: the first {@value #PROBE} bytes are compressed both ways, and
 * a file whose matches save less than 15% over Huffman coding alone is Huffman-coded
 * ({@link HuffmanDeflater}: still deflate, about ten times faster than zlib's match
 * search); one that neither way shrinks by 5% is stored, as already-compressed media are.
 */
public final class EntryEncoder extends OutputStream {

	/** How much of a file decides its compression. */
	public static final int PROBE = 256 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final char[] passphrase;

	private final int level;

	private final OutputStream sink;

	private final MessageDigest sha = sha256();

	private final byte[] work = new byte[64 * 1024];

	private byte[] probe = new byte[1024];

	private int probed;

	private WinZipAes aes;

	private Deflater deflater;

	private HuffmanDeflater huffman;

	private byte[] block;

	private int blocked;

	private String coding;

	private long size;

	private long stored;

	/**
	 * @param passphrase the package's passphrase
	 * @param level the deflate level, 0 (store everything) to 9
	 * @param sink where the entry's encrypted bytes go (not closed here)
	 */
	public EntryEncoder(char[] passphrase, int level, OutputStream sink) {
		this.passphrase = passphrase;
		this.level = level;
		this.sink = sink;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		this.sha.update(b, off, len);
		this.size += len;
		int taken = 0;
		if (this.coding == null) {
			taken = Math.min(len, PROBE - this.probed);
			if (this.probed + taken > this.probe.length) {
				byte[] larger = new byte[Math.min(PROBE, Math.max(this.probe.length * 2, this.probed + taken))];
				System.arraycopy(this.probe, 0, larger, 0, this.probed);
				this.probe = larger;
			}
			System.arraycopy(b, off, this.probe, this.probed, taken);
			this.probed += taken;
			if (this.probed < PROBE) {
				return;
			}
			start();
		}
		feed(b, off + taken, len - taken);
	}

	/** Ends the entry: the rest of the data and the authentication code. */
	public EncodedEntry finish() throws IOException {
		if (this.coding == null) {
			start();
		}
		if (this.deflater != null) {
			this.deflater.finish();
			while (!this.deflater.finished()) {
				drain();
			}
			this.deflater.end();
		}
		if (this.huffman != null) {
			emit(this.huffman.output(), this.huffman.block(this.block, 0, this.blocked, true));
		}
		this.sink.write(this.aes.authenticationCode());
		this.sink.flush();
		int method = "stored".equals(this.coding) ? ZipLayout.STORED : ZipLayout.DEFLATED;
		return new EncodedEntry(method, this.coding, WinZipAes.OVERHEAD + this.stored, this.size,
				HexFormat.of().formatHex(this.sha.digest()));
	}

	@Override
	public void close() {
		if (this.deflater != null) {
			this.deflater.end();
		}
	}

	private void start() throws IOException {
		this.coding = choose();
		if ("huffman".equals(this.coding)) {
			this.huffman = new HuffmanDeflater();
			this.block = new byte[HuffmanDeflater.BLOCK];
		}
		else if ("deflate".equals(this.coding)) {
			this.deflater = new Deflater(this.level, true);
		}
		byte[] salt = new byte[WinZipAes.SALT];
		RANDOM.nextBytes(salt);
		this.aes = new WinZipAes(this.passphrase, salt);
		this.sink.write(salt);
		this.sink.write(this.aes.passwordCheck());
		feed(this.probe, 0, this.probed);
		this.probe = null;
	}

	private String choose() {
		if (this.level == 0 || this.probed == 0) {
			return (this.level == 0) ? "stored" : "deflate";
		}
		long matched = compressedSize(this.level, Deflater.DEFAULT_STRATEGY);
		long coded = HuffmanDeflater.codedSize(this.probe, 0, this.probed);
		if (Math.min(matched, coded) > this.probed * 0.95) {
			return "stored";
		}
		return (matched <= coded * 0.85) ? "deflate" : "huffman";
	}

	private long compressedSize(int level, int strategy) {
		Deflater trial = new Deflater(level, true);
		try {
			trial.setStrategy(strategy);
			trial.setInput(this.probe, 0, this.probed);
			trial.finish();
			long total = 0;
			while (!trial.finished()) {
				total += trial.deflate(this.work);
			}
			return total;
		}
		finally {
			trial.end();
		}
	}

	private void feed(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return;
		}
		if (this.huffman != null) {
			code(b, off, len);
			return;
		}
		if (this.deflater == null) {
			for (int done = 0; done < len;) {
				int n = Math.min(this.work.length, len - done);
				System.arraycopy(b, off + done, this.work, 0, n);
				emit(this.work, n);
				done += n;
			}
			return;
		}
		this.deflater.setInput(b, off, len);
		while (!this.deflater.needsInput()) {
			drain();
		}
	}

	/**
	 * Huffman-codes whole blocks, straight from the caller's array where it holds one.
	 */
	private void code(byte[] b, int off, int len) throws IOException {
		int end = off + len;
		while (off < end) {
			if (this.blocked == 0 && end - off >= HuffmanDeflater.BLOCK) {
				emit(this.huffman.output(), this.huffman.block(b, off, HuffmanDeflater.BLOCK, false));
				off += HuffmanDeflater.BLOCK;
				continue;
			}
			int n = Math.min(end - off, HuffmanDeflater.BLOCK - this.blocked);
			System.arraycopy(b, off, this.block, this.blocked, n);
			this.blocked += n;
			off += n;
			if (this.blocked == HuffmanDeflater.BLOCK) {
				emit(this.huffman.output(), this.huffman.block(this.block, 0, HuffmanDeflater.BLOCK, false));
				this.blocked = 0;
			}
		}
	}

	private void drain() throws IOException {
		emit(this.work, this.deflater.deflate(this.work));
	}

	/** Encrypts the bytes in place, then writes them. */
	private void emit(byte[] bytes, int n) throws IOException {
		if (n > 0) {
			this.aes.encrypt(bytes, 0, n);
			this.sink.write(bytes, 0, n);
			this.stored += n;
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
