package org.custodian.disclosure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV (RFC 4180) in UTF-8 that is safe to open in a spreadsheet: a cell beginning with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as
 * a formula (OWASP, CSV injection), so it is prefixed with a single quote and quoted. The
 * JSON file beside each CSV keeps every value exactly as recorded. Cells are encoded once
 * and scanned as bytes (no byte of a multi-byte UTF-8 character is a comma, quote or line
 * break), into a buffer of its own handed on in large writes.
 */
final class SpreadsheetCsv {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final OutputStream out;

	private final byte[] buffer = new byte[64 * 1024];

	private int filled;

	SpreadsheetCsv(OutputStream out) {
		this.out = out;
	}

	void row(List<String> cells) throws IOException {
		byte[][] encoded = new byte[cells.size()][];
		int[] classes = new int[encoded.length];
		for (int i = 0; i < encoded.length; i++) {
			encoded[i] = ValueBytes.utf8(cells.get(i));
			classes[i] = ValueBytes.classes(encoded[i]);
		}
		row(encoded, classes, encoded.length);
	}

	/**
	 * A row of cells already encoded to UTF-8 (null is an empty cell), with what each
	 * holds ({@link ValueBytes#classes}).
	 */
	void row(byte[][] cells, int[] classes, int count) throws IOException {
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				put((byte) ',');
			}
			write(cells[i], classes[i]);
		}
		put((byte) '\r');
		put((byte) '\n');
	}

	/** Hands on what is buffered. */
	void flush() throws IOException {
		this.out.write(this.buffer, 0, this.filled);
		this.filled = 0;
		this.out.flush();
	}

	/**
	 * A cell as written: neutralised where it could be a formula, quoted where needed.
	 */
	static String cell(String value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		SpreadsheetCsv csv = new SpreadsheetCsv(bytes);
		try {
			byte[] encoded = ValueBytes.utf8(value);
			csv.write(encoded, ValueBytes.classes(encoded));
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private void write(byte[] bytes, int classes) throws IOException {
		if (bytes == null || bytes.length == 0) {
			return;
		}
		// the formula starts are ASCII: a UTF-8 lead byte of another character is none of
		// them
		boolean formula = FORMULA_STARTS.indexOf(bytes[0]) >= 0;
		if (!formula && (classes & ValueBytes.CSV_QUOTED) == 0) {
			put(bytes, 0, bytes.length);
			return;
		}
		put((byte) '"');
		if (formula) {
			put((byte) '\'');
		}
		int start = 0;
		for (int i = 0; (classes & ValueBytes.QUOTE) != 0 && i < bytes.length; i++) {
			if (bytes[i] == '"') {
				// up to and including the quote, which then starts the next run: doubled
				put(bytes, start, i + 1 - start);
				start = i;
			}
		}
		put(bytes, start, bytes.length - start);
		put((byte) '"');
	}

	private void put(byte b) throws IOException {
		if (this.filled == this.buffer.length) {
			drain();
		}
		this.buffer[this.filled++] = b;
	}

	private void put(byte[] bytes, int offset, int length) throws IOException {
		if (length > this.buffer.length - this.filled) {
			drain();
			if (length > this.buffer.length) {
				this.out.write(bytes, offset, length);
				return;
			}
		}
		System.arraycopy(bytes, offset, this.buffer, this.filled, length);
		this.filled += length;
	}

	private void drain() throws IOException {
		this.out.write(this.buffer, 0, this.filled);
		this.filled = 0;
	}

}
