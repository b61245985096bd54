package org.custodian.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.custodian.shared.FieldProblems;

/**
 * The legal document behind a request: a PDF (by its bytes, not its name) of at most 20
 * MB.
 */
public record LegalDocument(String filename, byte[] content, String sha256) {

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	/** Checks the bytes; reports problems under the field {@code document}. */
	public static LegalDocument of(String filename, byte[] content, FieldProblems problems) {
		if (content == null || content.length == 0) {
			problems.add("document", "is empty");
			return null;
		}
		if (content.length > MAX_BYTES) {
			problems.add("document", "is larger than 20 MB");
			return null;
		}
		if (content.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
			problems.add("document", "is not a PDF (its content does not start with %PDF-)");
			return null;
		}
		String name = (filename == null || filename.isBlank()) ? "document.pdf"
				: filename.replaceAll("[^A-Za-z0-9._ -]", "_");
		return new LegalDocument(name, content, sha256(content));
	}

	/** The hexadecimal SHA-256 of some bytes. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
