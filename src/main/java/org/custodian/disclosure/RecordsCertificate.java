package org.custodian.disclosure;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The records certificate: a one-page PDF in which the platform certifies that the
 * package's records are true copies kept in the ordinary course of business, bound to the
 * package by the manifest's SHA-256.
 */
final class RecordsCertificate {

	private RecordsCertificate() {
	}

	static void write(PackageBuilder.Spec spec, String manifestSha256, String keyId, int files, long records,
			OutputStream out) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("Case number: " + spec.caseNumber());
		lines.add("Request id: " + spec.requestId());
		lines.add("Requesting agency: " + spec.agency());
		lines.add("Produced at: " + spec.producedAt());
		lines.add("Categories: " + String.join(", ", spec.categories().stream().map(Enum::name).sorted().toList()));
		lines.add("Period: " + spec.from() + " to " + spec.to() + " (inclusive, UTC)");
		lines.add("Targets: " + spec.targets().size() + "; files: " + files + "; records: " + records);
		lines.add("");
		lines.add("The records in this package were made at or near the time of the acts they record,");
		lines.add("by or from information transmitted by persons with knowledge, and were kept in the");
		lines.add("course of the platform's regularly conducted activity. The package holds only the");
		lines.add("categories and period approved for disclosure. File names (targets/NN/part-NN) name");
		lines.add("no account or category: manifest.json maps each file to its target, category and period.");
		lines.add("In the CSV files, cells beginning with =, +, -, @, a tab or a carriage return are");
		lines.add("prefixed with a single quote and quoted, so that spreadsheets show them as text and run");
		lines.add("no formula; the JSON files hold every value exactly as recorded.");
		lines.add("");
		lines.add("manifest.json SHA-256:");
		lines.add(manifestSha256);
		lines.add("Signed with Ed25519 key " + keyId + " (manifest.sig); the public key is published at");
		lines.add("/.well-known/custodian/production-signing-key and /.well-known/custodian/jwks.json");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
			PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(bold, 15);
				content.newLineAtOffset(56, 780);
				content.showText("Certificate of Authenticity of Business Records");
				content.setFont(regular, 10);
				content.setLeading(15);
				content.newLine();
				content.newLine();
				for (String line : lines) {
					content.showText(printable(line));
					content.newLine();
				}
				content.endText();
			}
			document.save(out);
		}
	}

	/** The standard fonts encode WinAnsi only: anything else becomes '?'. */
	private static String printable(String text) {
		StringBuilder result = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> result.append((c >= 32 && c < 127) ? (char) c : '?'));
		return result.toString();
	}

}
