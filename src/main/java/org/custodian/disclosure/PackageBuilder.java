package org.custodian.disclosure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.custodian.disclosure.format.CanonicalZipWriter;
import org.custodian.disclosure.format.EncodedEntry;
import org.custodian.disclosure.format.EntryEncoder;
import org.custodian.disclosure.format.PackageLayout;
import org.custodian.shared.DataCategory;

/**
 * Builds a production package: per target and approved category one part, read once and
 * written as JSON and as spreadsheet-safe CSV, the targets' parts built in parallel into
 * spill files and then laid out in one canonical AES-256 ZIP (WinZip AE-2, which 7-Zip
 * and WinZip open); a README, {@code manifest.json} (which file holds which target,
 * category and period, with every file's SHA-256), {@code manifest.sig} (Ed25519 over the
 * manifest's bytes) and a records certificate. Entry names reveal no account or category.
 * Memory stays flat; the spill files are removed whatever happens.
 */
public final class PackageBuilder {

	public static final String MANIFEST = PackageLayout.MANIFEST;

	public static final String SIGNATURE = PackageLayout.SIGNATURE;

	public static final String CERTIFICATE = PackageLayout.CERTIFICATE;

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
	 * How to build.
	 *
	 * @param compressionLevel deflate level 0 (store) to 9
	 * @param parallelism how many parts are built at once
	 * @param spill the path prefix of the spill files ({@code <spill>.e01}, …)
	 */
	public record Settings(int compressionLevel, int parallelism, Path spill) {
	}

	/**
	 * What was written: the manifest's SHA-256, the data files and the records count.
	 */
	public record Result(String manifestSha256, int files, long records, long dataBytes) {
	}

	public static Result build(Spec spec, RecordSource source, char[] passphrase, SigningKeys.Signer signer,
			OutputStream out, Settings settings) {
		List<CategoryExport.Part> parts = plan(spec, settings.spill());
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallelism(), parts.size())),
				(task) -> {
					Thread thread = new Thread(task, "package-part");
					thread.setDaemon(true);
					return thread;
				});
		try {
			List<Future<CategoryExport.Exported>> exports = new ArrayList<>();
			for (CategoryExport.Part part : parts) {
				exports.add(pool
					.submit(() -> CategoryExport.run(part, source, spec, passphrase, settings.compressionLevel())));
			}
			CanonicalZipWriter zip = new CanonicalZipWriter(out, spec.producedAt());
			PackageManifest manifest = new PackageManifest(spec, signer.id());
			for (int i = 0; i < parts.size(); i++) {
				CategoryExport.Part part = parts.get(i);
				CategoryExport.Exported exported = result(exports.get(i));
				String json = PackageLayout.part(part.target(), part.number(), "json");
				String csv = PackageLayout.part(part.target(), part.number(), "csv");
				add(zip, json, exported.json(), part.jsonSpill());
				add(zip, csv, exported.csv(), part.csvSpill());
				manifest.file(json, part, exported.json(), exported.records());
				manifest.file(csv, part, exported.csv(), exported.records());
			}
			byte[] readme = PackageReadme.text(spec).getBytes(StandardCharsets.UTF_8);
			EncodedEntry readmeEntry = small(zip, PackageLayout.README, readme, passphrase, settings);
			manifest.readme(PackageLayout.README, readmeEntry);
			byte[] manifestBytes = manifest.bytes();
			String manifestSha = sha256(manifestBytes);
			small(zip, MANIFEST, manifestBytes, passphrase, settings);
			small(zip, SIGNATURE, Base64.getEncoder().encode(signer.sign(manifestBytes)), passphrase, settings);
			ByteArrayOutputStream certificate = new ByteArrayOutputStream();
			RecordsCertificate.write(spec, manifestSha, signer.id(), manifest.files(), manifest.records(), certificate);
			small(zip, CERTIFICATE, certificate.toByteArray(), passphrase, settings);
			zip.finish();
			return new Result(manifestSha, manifest.files(), manifest.records(), manifest.dataBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			pool.shutdownNow();
			awaitQuietly(pool);
			for (CategoryExport.Part part : parts) {
				deleteQuietly(part.jsonSpill());
				deleteQuietly(part.csvSpill());
			}
		}
	}

	private static List<CategoryExport.Part> plan(Spec spec, Path spill) {
		List<CategoryExport.Part> parts = new ArrayList<>();
		for (int i = 0; i < spec.targets().size(); i++) {
			Target target = spec.targets().get(i);
			if (target.accountId() == null) {
				continue;
			}
			int number = 0;
			for (DataCategory category : DataCategory.values()) {
				if (spec.categories().contains(category)) {
					number++;
					int n = parts.size() * 2;
					parts.add(new CategoryExport.Part(i + 1, target.accountId(), category, number,
							spillFile(spill, n + 1), spillFile(spill, n + 2)));
				}
			}
		}
		return parts;
	}

	private static Path spillFile(Path spill, int n) {
		return spill.resolveSibling(spill.getFileName() + String.format(".e%02d", n));
	}

	private static CategoryExport.Exported result(Future<CategoryExport.Exported> export) throws IOException {
		try {
			return export.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while building the package");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			throw (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
		}
	}

	private static void add(CanonicalZipWriter zip, String name, EncodedEntry entry, Path spill) throws IOException {
		try (InputStream in = Files.newInputStream(spill)) {
			zip.add(name, entry, in);
		}
		Files.delete(spill);
	}

	private static EncodedEntry small(CanonicalZipWriter zip, String name, byte[] content, char[] passphrase,
			Settings settings) throws IOException {
		ByteArrayOutputStream stored = new ByteArrayOutputStream(content.length + 64);
		try (EntryEncoder encoder = new EntryEncoder(passphrase, settings.compressionLevel(), stored)) {
			encoder.write(content, 0, content.length);
			EncodedEntry entry = encoder.finish();
			zip.add(name, entry, new ByteArrayInputStream(stored.toByteArray()));
			return entry;
		}
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

	private static void awaitQuietly(ExecutorService pool) {
		try {
			pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// a spill file left behind is removed with the attempt's other partial files
		}
	}

}
