package org.custodian.disclosure;

import java.nio.charset.StandardCharsets;

/**
 * A value's UTF-8 bytes and what they hold, found in one scan for the JSON and the CSV
 * together: whether JSON must escape a byte (a quote, a backslash, a control character),
 * whether the CSV cell must be quoted (a comma, a quote, a line break), and whether it
 * holds a quote (doubled in CSV). No byte of a multi-byte UTF-8 character is any of them.
 */
final class ValueBytes {

	static final int JSON_ESCAPE = 1;

	static final int CSV_QUOTED = 2;

	static final int QUOTE = 4;

	private static final byte[] CLASSES = new byte[256];

	static {
		for (int b = 0; b < 0x20; b++) {
			CLASSES[b] = JSON_ESCAPE;
		}
		CLASSES['\n'] = JSON_ESCAPE | CSV_QUOTED;
		CLASSES['\r'] = JSON_ESCAPE | CSV_QUOTED;
		CLASSES['\\'] = JSON_ESCAPE;
		CLASSES['"'] = JSON_ESCAPE | CSV_QUOTED | QUOTE;
		CLASSES[','] = CSV_QUOTED;
	}

	private ValueBytes() {
	}

	/** The value's UTF-8 bytes, or null. */
	static byte[] utf8(String value) {
		return (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null;
	}

	/** What the bytes hold: {@link #JSON_ESCAPE}, {@link #CSV_QUOTED}, {@link #QUOTE}. */
	static int classes(byte[] bytes) {
		if (bytes == null) {
			return 0;
		}
		int classes = 0;
		for (byte b : bytes) {
			classes |= CLASSES[b & 0xFF];
		}
		return classes;
	}

}
