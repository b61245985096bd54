package org.custodian.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.disclosure.format.EncodedEntry;
import org.custodian.disclosure.format.PackageLayout;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: the only place that says which file holds which target's
 * category and period, with each file's SHA-256, size and records. It is encrypted like
 * every entry and signed.
 */
final class PackageManifest {

	/** The note on CSV cells, in the manifest and the package's README. */
	static final String CSV_NOTE = "CSV cells beginning with =, +, -, @, a tab or a carriage return are prefixed "
			+ "with a single quote (') and quoted, so that a spreadsheet shows them as text, not as a formula "
			+ "(OWASP, CSV injection); the JSON files hold every value exactly as recorded.";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Map<String, Object> manifest = new LinkedHashMap<>();

	private final List<Map<String, Object>> files = new ArrayList<>();

	private long records;

	private long dataBytes;

	PackageManifest(PackageBuilder.Spec spec, String keyId) {
		this.manifest.put("format", PackageLayout.FORMAT);
		this.manifest.put("caseNumber", spec.caseNumber());
		this.manifest.put("requestId", spec.requestId());
		this.manifest.put("agency", spec.agency());
		this.manifest.put("producedAt", spec.producedAt().toString());
		this.manifest.put("categories", spec.categories().stream().map(Enum::name).sorted().toList());
		this.manifest.put("period", Map.of("from", spec.from().toString(), "to", spec.to().toString()));
		this.manifest.put("signature", Map.of("algorithm", "Ed25519", "keyId", keyId, "file", PackageLayout.SIGNATURE));
		this.manifest.put("csv", CSV_NOTE);
		List<Map<String, Object>> targets = new ArrayList<>();
		for (int i = 0; i < spec.targets().size(); i++) {
			PackageBuilder.Target target = spec.targets().get(i);
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("number", i + 1);
			described.put("kind", target.kind());
			described.put("value", target.value());
			described.put("accountId", target.accountId());
			described.put("folder", (target.accountId() != null) ? PackageLayout.folder(i + 1) : null);
			targets.add(described);
		}
		this.manifest.put("targets", targets);
		this.manifest.put("files", this.files);
	}

	void file(String path, CategoryExport.Part part, EncodedEntry entry, long records) {
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("path", path);
		file.put("target", part.target());
		file.put("accountId", part.accountId());
		file.put("category", part.category().name());
		file.put("period", this.manifest.get("period"));
		file.put("records", records);
		file.put("bytes", entry.size());
		file.put("sha256", entry.sha256());
		this.files.add(file);
		this.dataBytes += entry.size();
		if (path.endsWith(".json")) {
			this.records += records;
		}
	}

	void readme(String path, EncodedEntry entry) {
		this.manifest.put("readme", Map.of("path", path, "bytes", entry.size(), "sha256", entry.sha256()));
	}

	byte[] bytes() {
		return JSON.writeValueAsBytes(this.manifest);
	}

	int files() {
		return this.files.size();
	}

	long records() {
		return this.records;
	}

	long dataBytes() {
		return this.dataBytes;
	}

}
