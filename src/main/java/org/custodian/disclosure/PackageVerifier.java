package org.custodian.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a package against its manifest and signature: every listed file present with its
 * SHA-256 and size, nothing unlisted, the AES authentication of every entry, and the
 * Ed25519 signature over the manifest by the given public key.
 */
public final class PackageVerifier {

	private static final Set<String> UNLISTED = Set.of(PackageBuilder.MANIFEST, PackageBuilder.SIGNATURE,
			PackageBuilder.CERTIFICATE);

	private PackageVerifier() {
	}

	/**
	 * The verdict: valid, or the problems found; and the manifest's case number if it
	 * could be read.
	 */
	public record Verdict(boolean valid, List<String> problems, String caseNumber, int files) {
	}

	public static Verdict verify(Path file, char[] passphrase, PublicKey key) {
		List<String> problems = new ArrayList<>();
		String caseNumber = null;
		int checked = 0;
		try (ZipFile zip = new ZipFile(file.toFile(), passphrase)) {
			if (!zip.isValidZipFile()) {
				return new Verdict(false, List.of("not a readable ZIP file"), null, 0);
			}
			Map<String, FileHeader> entries = new HashMap<>();
			for (FileHeader header : zip.getFileHeaders()) {
				entries.put(header.getFileName(), header);
			}
			byte[] manifestBytes = read(zip, entries.get(PackageBuilder.MANIFEST), problems, PackageBuilder.MANIFEST);
			byte[] signature = read(zip, entries.get(PackageBuilder.SIGNATURE), problems, PackageBuilder.SIGNATURE);
			if (manifestBytes == null || signature == null) {
				return new Verdict(false, problems, null, 0);
			}
			if (!signatureValid(manifestBytes, signature, key)) {
				problems.add("the manifest's signature does not verify with key " + SigningKeys.keyId(key));
			}
			JsonNode manifest = JsonMapper.builder().build().readTree(manifestBytes);
			caseNumber = manifest.path("caseNumber").asString(null);
			Set<String> listed = new HashSet<>();
			for (JsonNode described : manifest.path("files")) {
				String path = described.path("path").asString();
				listed.add(path);
				FileHeader header = entries.get(path);
				if (header == null) {
					problems.add(path + ": listed in the manifest but missing");
					continue;
				}
				Digest digest = digest(zip, header, problems, path);
				if (digest == null) {
					continue;
				}
				checked++;
				if (!digest.sha256().equals(described.path("sha256").asString())
						|| digest.bytes() != described.path("bytes").asLong()) {
					problems.add(path + ": content differs from the manifest (SHA-256 " + digest.sha256() + ")");
				}
			}
			// Entries outside the manifest are read too: their AES authentication must
			// hold.
			for (String name : entries.keySet()) {
				if (!listed.contains(name) && !UNLISTED.contains(name)) {
					problems.add(name + ": not listed in the manifest");
				}
			}
			if (entries.containsKey(PackageBuilder.CERTIFICATE)) {
				digest(zip, entries.get(PackageBuilder.CERTIFICATE), problems, PackageBuilder.CERTIFICATE);
			}
			else {
				problems.add(PackageBuilder.CERTIFICATE + ": missing");
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add("cannot read the package: " + ex.getMessage());
		}
		return new Verdict(problems.isEmpty(), List.copyOf(problems), caseNumber, checked);
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

	private static byte[] read(ZipFile zip, FileHeader header, List<String> problems, String name) {
		if (header == null) {
			problems.add(name + ": missing");
			return null;
		}
		try (InputStream in = zip.getInputStream(header)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			problems.add(name + ": cannot be read (" + ex.getMessage() + ")");
			return null;
		}
	}

	private static Digest digest(ZipFile zip, FileHeader header, List<String> problems, String name) {
		MessageDigest digest = PackageBuilder.digest();
		long bytes = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = zip.getInputStream(header)) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
				bytes += read;
			}
			return new Digest(HexFormat.of().formatHex(digest.digest()), bytes);
		}
		catch (IOException ex) {
			problems.add(name + ": cannot be read or fails its authentication (" + ex.getMessage() + ")");
			return null;
		}
	}

	private record Digest(String sha256, long bytes) {
	}

}
