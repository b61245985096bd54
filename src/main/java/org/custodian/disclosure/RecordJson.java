package org.custodian.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A part's JSON, written as bytes: the values arrive already encoded to UTF-8 (once, for
 * the JSON and the CSV together) and are scanned for the bytes JSON escapes, a quote, a
 * backslash and the control characters, exactly as Jackson escapes them ({@code \n},
 * {@code \t}, {@code \r}, {@code \b}, {@code \f}, otherwise {@code \}{@code u00XX}); no
 * byte of a multi-byte UTF-8 character is one of them. Compact, like Jackson's default.
 */
final class RecordJson {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	/**
	 * For each byte: 0 as it is, 'u' as {@code \}{@code u00XX}, else the escape's letter.
	 */
	private static final byte[] ESCAPES = new byte[256];

	static {
		for (int b = 0; b < 0x20; b++) {
			ESCAPES[b] = 'u';
		}
		ESCAPES['\b'] = 'b';
		ESCAPES['\t'] = 't';
		ESCAPES['\n'] = 'n';
		ESCAPES['\f'] = 'f';
		ESCAPES['\r'] = 'r';
		ESCAPES['"'] = '"';
		ESCAPES['\\'] = '\\';
	}

	private final OutputBuffer out;

	RecordJson(OutputStream out) {
		this.out = new OutputBuffer(out);
	}

	/** A property's name as written before its value: the quoted name and a colon. */
	static byte[] name(String name) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		RecordJson json = new RecordJson(bytes);
		try {
			json.string(name.getBytes(StandardCharsets.UTF_8));
			json.raw((byte) ':');
			json.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Bytes written as they are (punctuation, names from {@link #name}). */
	void raw(byte b) throws IOException {
		this.out.put(b);
	}

	void raw(byte[] bytes) throws IOException {
		this.out.put(bytes, 0, bytes.length);
	}

	/** A string value from its UTF-8 bytes, or null. */
	void value(byte[] utf8) throws IOException {
		value(utf8, ValueBytes.classes(utf8));
	}

	/** A string value from its UTF-8 bytes and what they hold ({@link ValueBytes}). */
	void value(byte[] utf8, int classes) throws IOException {
		if (utf8 == null) {
			raw(NULL);
		}
		else if ((classes & ValueBytes.JSON_ESCAPE) == 0) {
			raw((byte) '"');
			this.out.put(utf8, 0, utf8.length);
			raw((byte) '"');
		}
		else {
			string(utf8);
		}
	}

	private void string(byte[] utf8) throws IOException {
		raw((byte) '"');
		int start = 0;
		for (int i = 0; i < utf8.length; i++) {
			byte escape = ESCAPES[utf8[i] & 0xFF];
			if (escape != 0) {
				this.out.put(utf8, start, i - start);
				escape(utf8[i], escape);
				start = i + 1;
			}
		}
		this.out.put(utf8, start, utf8.length - start);
		raw((byte) '"');
	}

	private void escape(byte b, byte escape) throws IOException {
		raw((byte) '\\');
		if (escape != 'u') {
			raw(escape);
			return;
		}
		raw((byte) 'u');
		raw((byte) '0');
		raw((byte) '0');
		raw(HEX[(b >> 4) & 0xF]);
		raw(HEX[b & 0xF]);
	}

	/** Hands on what is buffered. */
	void flush() throws IOException {
		this.out.flush();
	}

}
