package org.custodian.disclosure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.custodian.disclosure.format.EncodedEntry;
import org.custodian.shared.DataCategory;

/**
 * One category of one target, read from the source once and written as its JSON and its
 * CSV in the same pass, each encoded into a spill file on its own thread.
 */
final class CategoryExport {

	private CategoryExport() {
	}

	/**
	 * A part of the package: one target's category.
	 *
	 * @param target the target's number (from 1)
	 * @param accountId the account it resolved to
	 * @param category the category
	 * @param number the part's number within the target (from 1)
	 * @param jsonSpill where its JSON entry is encoded to
	 * @param csvSpill where its CSV entry is encoded to
	 */
	record Part(int target, String accountId, DataCategory category, int number, Path jsonSpill, Path csvSpill) {
	}

	/**
	 * The part's two encoded entries and its number of records.
	 */
	record Exported(EncodedEntry json, EncodedEntry csv, long records) {
	}

	static Exported run(Part part, RecordSource source, PackageBuilder.Spec spec, char[] passphrase, int level)
			throws IOException {
		List<String> fields = source.fields(part.category());
		List<String> header = new ArrayList<>(List.of("kind", "at"));
		header.addAll(fields);
		Map<String, byte[]> names = new HashMap<>();
		long count = 0;
		try (AsyncEncoder jsonOut = new AsyncEncoder(passphrase, level, part.jsonSpill());
				AsyncEncoder csvOut = new AsyncEncoder(passphrase, level, part.csvSpill());
				Stream<DataRecord> records = source.export(part.accountId(), part.category(), spec.from(), spec.to())) {
			SpreadsheetCsv csv = new SpreadsheetCsv(csvOut);
			csv.row(header);
			RecordJson json = new RecordJson(jsonOut);
			json.raw((byte) '{');
			property(json, "accountId", part.accountId(), names);
			json.raw((byte) ',');
			property(json, "category", part.category().name(), names);
			json.raw((byte) ',');
			property(json, "from", spec.from().toString(), names);
			json.raw((byte) ',');
			property(json, "to", spec.to().toString(), names);
			json.raw((byte) ',');
			json.raw(name("records", names));
			json.raw((byte) '[');
			// each value is encoded to UTF-8 once, for the CSV row and the JSON object
			byte[][] row = new byte[header.size()][];
			int[] classes = new int[row.length];
			for (DataRecord record : (Iterable<DataRecord>) records::iterator) {
				row[0] = ValueBytes.utf8(record.kind());
				row[1] = (record.at() != null) ? ValueBytes.utf8(record.at().toString()) : null;
				for (int f = 0; f < fields.size(); f++) {
					row[f + 2] = ValueBytes.utf8(record.fields().get(fields.get(f)));
				}
				if (count > 0) {
					json.raw((byte) ',');
				}
				json.raw((byte) '{');
				for (int c = 0; c < row.length; c++) {
					classes[c] = ValueBytes.classes(row[c]);
				}
				json.raw(name("kind", names));
				json.value(row[0], classes[0]);
				json.raw((byte) ',');
				json.raw(name("at", names));
				json.value(row[1], classes[1]);
				int f = 0;
				for (Map.Entry<String, String> field : record.fields().entrySet()) {
					json.raw((byte) ',');
					json.raw(name(field.getKey(), names));
					boolean listed = f < fields.size() && fields.get(f).equals(field.getKey());
					if (listed) {
						json.value(row[f + 2], classes[f + 2]);
					}
					else {
						json.value(ValueBytes.utf8(field.getValue()));
					}
					f++;
				}
				json.raw((byte) '}');
				csv.row(row, classes, row.length);
				count++;
			}
			json.raw((byte) ']');
			json.raw((byte) '}');
			json.flush();
			csv.flush();
			return new Exported(jsonOut.finish(), csvOut.finish(), count);
		}
	}

	private static void property(RecordJson json, String name, String value, Map<String, byte[]> names)
			throws IOException {
		json.raw(name(name, names));
		json.value(ValueBytes.utf8(value));
	}

	/** A property's name as written, encoded once per part. */
	private static byte[] name(String name, Map<String, byte[]> names) {
		return names.computeIfAbsent(name, RecordJson::name);
	}

}
