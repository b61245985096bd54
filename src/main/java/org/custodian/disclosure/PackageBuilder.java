package org.custodian.disclosure;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodian.shared.DataCategory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a production package as a stream: per target and category a JSON and a CSV file
 * holding only the approved categories and period, {@code manifest.json} with the SHA-256
 * of every file, {@code manifest.sig} (Ed25519 over the manifest's bytes) and a records
 * certificate, all in one AES-256 encrypted ZIP. Nothing is held whole in memory but the
 * manifest.
 */
public final class PackageBuilder {

	public static final String MANIFEST = "manifest.json";

	public static final String SIGNATURE = "manifest.sig";

	public static final String CERTIFICATE = "records-certificate.pdf";

	public static final String FORMAT = "custodian-production/1";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final JsonMapper STREAM = JsonMapper.builder().build();

	private PackageBuilder() {
	}

	/**
	 * What to produce.
	 *
	 * @param caseNumber the case
	 * @param requestId the request's id
	 * @param agency the requesting agency's name
	 * @param categories the approved categories
	 * @param from the period's first day
	 * @param to the period's last day
	 * @param targets the identifiers and the accounts they resolved to
	 * @param producedAt when
	 */
	public record Spec(String caseNumber, String requestId, String agency, Set<DataCategory> categories, LocalDate from,
			LocalDate to, List<Target> targets, Instant producedAt) {
	}

	/**
	 * A target of the request: the identifier as requested and the account it resolved
	 * to, or null when no account matches.
	 */
	public record Target(String kind, String value, String accountId) {
	}

	/**
	 * What was written: the manifest's SHA-256, the data files and the records count.
	 */
	public record Result(String manifestSha256, int files, long records, long dataBytes) {
	}

	public static Result build(Spec spec, RecordSource source, char[] passphrase, SigningKeys.Signer signer,
			OutputStream out) {
		try (ZipOutputStream zip = new ZipOutputStream(out, passphrase)) {
			List<Map<String, Object>> files = new ArrayList<>();
			List<Map<String, Object>> targets = new ArrayList<>();
			long records = 0;
			long bytes = 0;
			for (int i = 0; i < spec.targets().size(); i++) {
				Target target = spec.targets().get(i);
				Map<String, Object> described = new LinkedHashMap<>();
				described.put("kind", target.kind());
				described.put("value", target.value());
				described.put("accountId", target.accountId());
				targets.add(described);
				if (target.accountId() == null) {
					continue;
				}
				String folder = String.format("targets/%02d-%s/", i + 1, safe(target.accountId()));
				for (DataCategory category : DataCategory.values()) {
					if (!spec.categories().contains(category)) {
						continue;
					}
					Map<String, Object> json = writeJson(zip, folder + category.name() + ".json", source, target,
							category, spec);
					Map<String, Object> csv = writeCsv(zip, folder + category.name() + ".csv", source, target, category,
							spec);
					files.add(json);
					files.add(csv);
					records += (Long) json.get("records");
					bytes += (Long) json.get("bytes") + (Long) csv.get("bytes");
				}
			}
			Map<String, Object> manifest = new LinkedHashMap<>();
			manifest.put("format", FORMAT);
			manifest.put("caseNumber", spec.caseNumber());
			manifest.put("requestId", spec.requestId());
			manifest.put("agency", spec.agency());
			manifest.put("producedAt", spec.producedAt().toString());
			manifest.put("categories", spec.categories().stream().map(Enum::name).sorted().toList());
			manifest.put("period", Map.of("from", spec.from().toString(), "to", spec.to().toString()));
			manifest.put("signature", Map.of("algorithm", "Ed25519", "keyId", signer.id(), "file", SIGNATURE));
			manifest.put("targets", targets);
			manifest.put("files", files);
			byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
			String manifestSha = sha256(manifestBytes);
			entry(zip, MANIFEST);
			zip.write(manifestBytes);
			zip.closeEntry();
			entry(zip, SIGNATURE);
			zip.write(Base64.getEncoder().encode(signer.sign(manifestBytes)));
			zip.closeEntry();
			entry(zip, CERTIFICATE);
			RecordsCertificate.write(spec, manifestSha, signer.id(), files.size(), records, new Unclosable(zip));
			zip.closeEntry();
			return new Result(manifestSha, files.size(), records, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> writeJson(ZipOutputStream zip, String path, RecordSource source, Target target,
			DataCategory category, Spec spec) throws IOException {
		entry(zip, path);
		Hashing hashing = new Hashing(zip);
		long count = 0;
		try (JsonGenerator json = STREAM.createGenerator(hashing);
				Stream<DataRecord> records = source.export(target.accountId(), category, spec.from(), spec.to())) {
			json.writeStartObject();
			json.writeStringProperty("accountId", target.accountId());
			json.writeStringProperty("category", category.name());
			json.writeName("records");
			json.writeStartArray();
			for (DataRecord record : (Iterable<DataRecord>) records::iterator) {
				json.writeStartObject();
				json.writeStringProperty("kind", record.kind());
				json.writeStringProperty("at", (record.at() != null) ? record.at().toString() : null);
				for (Map.Entry<String, String> field : record.fields().entrySet()) {
					json.writeStringProperty(field.getKey(), field.getValue());
				}
				json.writeEndObject();
				count++;
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		zip.closeEntry();
		return hashing.describe(path, count);
	}

	private static Map<String, Object> writeCsv(ZipOutputStream zip, String path, RecordSource source, Target target,
			DataCategory category, Spec spec) throws IOException {
		entry(zip, path);
		Hashing hashing = new Hashing(zip);
		List<String> fields = source.fields(category);
		List<String> header = new ArrayList<>(List.of("kind", "at"));
		header.addAll(fields);
		long count = 0;
		try (Writer writer = new OutputStreamWriter(hashing, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer,
						CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
				Stream<DataRecord> records = source.export(target.accountId(), category, spec.from(), spec.to())) {
			List<String> row = new ArrayList<>(header.size());
			for (DataRecord record : (Iterable<DataRecord>) records::iterator) {
				row.clear();
				row.add(record.kind());
				row.add((record.at() != null) ? record.at().toString() : "");
				for (String field : fields) {
					row.add(record.fields().getOrDefault(field, ""));
				}
				csv.printRecord(row);
				count++;
			}
		}
		zip.closeEntry();
		return hashing.describe(path, count);
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

	private static String safe(String accountId) {
		return accountId.replaceAll("[^A-Za-z0-9._-]", "_");
	}

	public static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Passes bytes on without closing what it writes to. */
	static class Unclosable extends FilterOutputStream {

		Unclosable(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

	/** Hashes and counts what passes through to one ZIP entry. */
	static final class Hashing extends Unclosable {

		private final MessageDigest digest = digest();

		private long bytes;

		Hashing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			this.digest.update((byte) b);
			this.bytes++;
			this.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.digest.update(b, off, len);
			this.bytes += len;
			this.out.write(b, off, len);
		}

		Map<String, Object> describe(String path, long records) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("path", path);
			file.put("sha256", HexFormat.of().formatHex(this.digest.digest()));
			file.put("bytes", this.bytes);
			file.put("records", records);
			return file;
		}

	}

}
