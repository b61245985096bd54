package org.custodian.disclosure;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet: a cell beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula
 * (OWASP, CSV injection), so it is prefixed with a single quote and quoted. The JSON file
 * beside each CSV keeps every value exactly as recorded.
 */
final class SpreadsheetCsv {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final Writer out;

	private final StringBuilder row = new StringBuilder(4096);

	SpreadsheetCsv(Writer out) {
		this.out = out;
	}

	void row(List<String> cells) throws IOException {
		this.row.setLength(0);
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				this.row.append(',');
			}
			cell(this.row, cells.get(i));
		}
		this.row.append("\r\n");
		this.out.append(this.row);
	}

	/**
	 * A cell as written: neutralised where it could be a formula, quoted where needed.
	 */
	static String cell(String value) {
		StringBuilder cell = new StringBuilder();
		cell(cell, value);
		return cell.toString();
	}

	private static void cell(StringBuilder out, String value) {
		if (value == null || value.isEmpty()) {
			return;
		}
		boolean formula = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
		if (!formula && !needsQuotes(value)) {
			out.append(value);
			return;
		}
		out.append('"');
		if (formula) {
			out.append('\'');
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				out.append('"');
			}
			out.append(c);
		}
		out.append('"');
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

}
