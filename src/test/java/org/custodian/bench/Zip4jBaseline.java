package org.custodian.bench;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodian.disclosure.DataRecord;
import org.custodian.disclosure.RecordSource;
import org.custodian.shared.DataCategory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data path of the package builder before the format change (custodian-production/1),
 * kept only as the benchmark's floor: zip4j's AES-256 and deflate at its fastest level,
 * every category read twice (once for JSON, once for CSV), one thread.
 */
final class Zip4jBaseline {

	private static final JsonMapper STREAM = JsonMapper.builder().build();

	private Zip4jBaseline() {
	}

	/** Writes the account's category as JSON and CSV; returns the files' bytes. */
	static long build(RecordSource source, String account, DataCategory category, LocalDate from, LocalDate to,
			char[] passphrase, OutputStream out) throws IOException {
		long bytes = 0;
		try (ZipOutputStream zip = new ZipOutputStream(out, passphrase)) {
			entry(zip, "targets/01-" + account + "/" + category + ".json");
			Counting json = new Counting(zip);
			try (JsonGenerator generator = STREAM.createGenerator(json);
					Stream<DataRecord> records = source.export(account, category, from, to)) {
				generator.writeStartObject();
				generator.writeName("records");
				generator.writeStartArray();
				for (DataRecord record : (Iterable<DataRecord>) records::iterator) {
					generator.writeStartObject();
					generator.writeStringProperty("kind", record.kind());
					generator.writeStringProperty("at", String.valueOf(record.at()));
					for (Map.Entry<String, String> field : record.fields().entrySet()) {
						generator.writeStringProperty(field.getKey(), field.getValue());
					}
					generator.writeEndObject();
				}
				generator.writeEndArray();
				generator.writeEndObject();
			}
			zip.closeEntry();
			bytes += json.bytes;
			entry(zip, "targets/01-" + account + "/" + category + ".csv");
			Counting csvOut = new Counting(zip);
			List<String> header = new ArrayList<>(List.of("kind", "at"));
			header.addAll(source.fields(category));
			try (Writer writer = new OutputStreamWriter(csvOut, StandardCharsets.UTF_8);
					CSVPrinter csv = new CSVPrinter(writer,
							CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
					Stream<DataRecord> records = source.export(account, category, from, to)) {
				List<String> row = new ArrayList<>();
				for (DataRecord record : (Iterable<DataRecord>) records::iterator) {
					row.clear();
					row.add(record.kind());
					row.add(String.valueOf(record.at()));
					for (String field : source.fields(category)) {
						row.add(record.fields().getOrDefault(field, ""));
					}
					csv.printRecord(row);
				}
			}
			zip.closeEntry();
			bytes += csvOut.bytes;
		}
		return bytes;
	}

	private static void entry(ZipOutputStream zip, String name) throws IOException {
		ZipParameters parameters = new ZipParameters();
		parameters.setFileNameInZip(name);
		parameters.setCompressionMethod(CompressionMethod.DEFLATE);
		parameters.setCompressionLevel(CompressionLevel.FASTEST);
		parameters.setEncryptFiles(true);
		parameters.setEncryptionMethod(EncryptionMethod.AES);
		parameters.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
		zip.putNextEntry(parameters);
	}

	/** Hashes and counts what passes to one entry, as the old builder did. */
	private static final class Counting extends FilterOutputStream {

		private final MessageDigest digest;

		private long bytes;

		Counting(OutputStream out) {
			super(out);
			try {
				this.digest = MessageDigest.getInstance("SHA-256");
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.digest.update(b, off, len);
			this.bytes += len;
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
