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
 * break), into a buffer handed on in large writes.
 */
final class SpreadsheetCsv {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final OutputBuffer out;

	SpreadsheetCsv(OutputStream out) {
		this.out = new OutputBuffer(out);
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
				this.out.put((byte) ',');
			}
			write(cells[i], classes[i]);
		}
		this.out.put((byte) '\r');
		this.out.put((byte) '\n');
	}

	/** Hands on what is buffered. */
	void flush() throws IOException {
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
			this.out.put(bytes, 0, bytes.length);
			return;
		}
		this.out.put((byte) '"');
		if (formula) {
			this.out.put((byte) '\'');
		}
		int start = 0;
		for (int i = 0; (classes & ValueBytes.QUOTE) != 0 && i < bytes.length; i++) {
			if (bytes[i] == '"') {
				// up to and including the quote, which then starts the next run: doubled
				this.out.put(bytes, start, i + 1 - start);
				start = i;
			}
		}
		this.out.put(bytes, start, bytes.length - start);
		this.out.put((byte) '"');
	}

}
