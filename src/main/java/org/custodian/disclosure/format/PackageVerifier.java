package org.custodian.disclosure.format;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a package, reading nothing but the file and writing nothing: the ZIP's layout is
 * the canonical one, byte for byte; the manifest's Ed25519 signature verifies with the
 * given key; every entry passes its AES authentication; every file the manifest lists is
 * there with its SHA-256 and size, in the manifest's order, and nothing else is.
 */
public final class PackageVerifier {

	private static final int SMALL = 64 * 1024 * 1024;

	private PackageVerifier() {
	}

	/**
	 * The verdict: valid, or the problems found; and the manifest's case number if it
	 * could be read.
	 */
	public record Verdict(boolean valid, List<String> problems, String caseNumber, String keyId, int files) {
	}

	/**
	 * @param file the package
	 * @param passphrase its passphrase
	 * @param keys the public key for a key id, if it is one to trust
	 */
	public static Verdict verify(Path file, char[] passphrase, Function<String, Optional<PublicKey>> keys) {
		return verify(file, passphrase, keys, ZipLayout.Zip64.NEEDED);
	}

	/** With other ZIP64 thresholds than a package's: for tests. */
	static Verdict verify(Path file, char[] passphrase, Function<String, Optional<PublicKey>> keys,
			ZipLayout.Zip64 rule) {
		List<String> problems = new ArrayList<>();
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			Map<String, CanonicalZipReader.Entry> entries = new LinkedHashMap<>();
			for (CanonicalZipReader.Entry entry : CanonicalZipReader.read(channel, rule)) {
				entries.put(entry.name(), entry);
			}
			CanonicalZipReader.Entry manifestEntry = required(entries, PackageLayout.MANIFEST);
			byte[] manifestBytes = EntryDecoder.readAll(channel, manifestEntry, passphrase, SMALL);
			byte[] signature = EntryDecoder.readAll(channel, required(entries, PackageLayout.SIGNATURE), passphrase,
					1024);
			Map<String, Object> manifest = Json.object(Json.parse(new String(manifestBytes, StandardCharsets.UTF_8)));
			String caseNumber = Json.string(manifest.get("caseNumber"));
			String keyId = Json.string(Json.object(manifest.get("signature")).get("keyId"));
			if (!PackageLayout.FORMAT.equals(manifest.get("format"))) {
				problems.add("the manifest is not of the format " + PackageLayout.FORMAT);
			}
			Optional<PublicKey> key = (keyId != null) ? keys.apply(keyId) : Optional.empty();
			if (key.isEmpty()) {
				problems.add("the manifest is signed with key " + keyId + ", which is not among the keys given");
			}
			else if (!signatureValid(manifestBytes, signature, key.get())) {
				problems.add("the manifest's signature does not verify with key " + keyId);
			}
			checkTime(manifest, manifestEntry, problems);
			int checked = checkFiles(channel, entries, manifest, passphrase, problems);
			return new Verdict(problems.isEmpty(), List.copyOf(problems), caseNumber, keyId, checked);
		}
		catch (CanonicalZipReader.NotCanonical | EntryDecoder.Rejected ex) {
			problems.add(ex.getMessage());
		}
		catch (IOException | RuntimeException ex) {
			problems.add("cannot read the package: " + ex.getMessage());
		}
		return new Verdict(false, List.copyOf(problems), null, null, 0);
	}

	private static int checkFiles(FileChannel channel, Map<String, CanonicalZipReader.Entry> entries,
			Map<String, Object> manifest, char[] passphrase, List<String> problems)
			throws IOException, EntryDecoder.Rejected {
		List<Map<String, Object>> listed = new ArrayList<>();
		Json.array(manifest.get("files")).forEach((file) -> listed.add(Json.object(file)));
		listed.add(Json.object(manifest.get("readme")));
		List<String> order = new ArrayList<>();
		int checked = 0;
		for (Map<String, Object> described : listed) {
			String path = Json.string(described.get("path"));
			order.add(path);
			CanonicalZipReader.Entry entry = entries.get(path);
			if (entry == null) {
				problems.add(path + ": listed in the manifest but missing");
				continue;
			}
			EntryDecoder.Digest digest = EntryDecoder.digest(channel, entry, passphrase);
			checked++;
			if (!digest.sha256().equals(described.get("sha256"))
					|| !Long.valueOf(digest.bytes()).equals(described.get("bytes"))) {
				problems.add(path + ": content differs from the manifest (SHA-256 " + digest.sha256() + ")");
			}
		}
		CanonicalZipReader.Entry certificate = required(entries, PackageLayout.CERTIFICATE);
		EntryDecoder.digest(channel, certificate, passphrase);
		order.addAll(List.of(PackageLayout.MANIFEST, PackageLayout.SIGNATURE, PackageLayout.CERTIFICATE));
		for (String name : entries.keySet()) {
			if (!order.contains(name)) {
				problems.add(name + ": not listed in the manifest");
			}
		}
		if (problems.isEmpty() && !order.equals(new ArrayList<>(entries.keySet()))) {
			problems.add("the entries are not in the manifest's order");
		}
		return checked;
	}

	/** Every entry carries the manifest's time of production. */
	private static void checkTime(Map<String, Object> manifest, CanonicalZipReader.Entry entry, List<String> problems) {
		try {
			Instant producedAt = Instant.parse(Json.string(manifest.get("producedAt")));
			if (entry.header().dosTime() != ZipLayout.dosTime(producedAt)
					|| entry.header().dosDate() != ZipLayout.dosDate(producedAt)) {
				problems.add("the entries' time is not the manifest's time of production");
			}
		}
		catch (RuntimeException ex) {
			problems.add("the manifest has no valid producedAt");
		}
	}

	private static CanonicalZipReader.Entry required(Map<String, CanonicalZipReader.Entry> entries, String name)
			throws EntryDecoder.Rejected {
		CanonicalZipReader.Entry entry = entries.get(name);
		if (entry == null) {
			throw new EntryDecoder.Rejected(name + ": missing");
		}
		return entry;
	}

	private static boolean signatureValid(byte[] manifest, byte[] signatureFile, PublicKey key) {
		try {
			byte[] signature = Base64.getDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(manifest);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

}
