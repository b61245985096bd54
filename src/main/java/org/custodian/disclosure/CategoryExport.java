package org.custodian.disclosure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.custodian.disclosure.format.EncodedEntry;
import org.custodian.shared.DataCategory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One category of one target, read from the source once and written as its JSON and its
 * CSV in the same pass, each encoded into a spill file on its own thread.
 */
final class CategoryExport {

	private static final JsonMapper STREAM = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

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
		long count = 0;
		try (AsyncEncoder jsonOut = new AsyncEncoder(passphrase, level, part.jsonSpill());
				AsyncEncoder csvOut = new AsyncEncoder(passphrase, level, part.csvSpill());
				Stream<DataRecord> records = source.export(part.accountId(), part.category(), spec.from(), spec.to())) {
			SpreadsheetCsv csv = new SpreadsheetCsv(csvOut);
			csv.row(header);
			List<String> row = new ArrayList<>(header.size());
			try (JsonGenerator json = STREAM.createGenerator(jsonOut)) {
				json.writeStartObject();
				json.writeStringProperty("accountId", part.accountId());
				json.writeStringProperty("category", part.category().name());
				json.writeStringProperty("from", spec.from().toString());
				json.writeStringProperty("to", spec.to().toString());
				json.writeName("records");
				json.writeStartArray();
				for (DataRecord record : (Iterable<DataRecord>) records::iterator) {
					String at = (record.at() != null) ? record.at().toString() : null;
					json.writeStartObject();
					json.writeStringProperty("kind", record.kind());
					json.writeStringProperty("at", at);
					for (Map.Entry<String, String> field : record.fields().entrySet()) {
						json.writeStringProperty(field.getKey(), field.getValue());
					}
					json.writeEndObject();
					row.clear();
					row.add(record.kind());
					row.add((at != null) ? at : "");
					for (String field : fields) {
						row.add(record.fields().getOrDefault(field, ""));
					}
					csv.row(row);
					count++;
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			csv.flush();
			return new Exported(jsonOut.finish(), csvOut.finish(), count);
		}
	}

}
