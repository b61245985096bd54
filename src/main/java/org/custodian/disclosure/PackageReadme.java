package org.custodian.disclosure;

/**
 * {@code README.txt}: what is in a package and how to check it, for whoever opens it.
 */
final class PackageReadme {

	private PackageReadme() {
	}

	static String text(PackageBuilder.Spec spec) {
		return """
				Production package %s (produced %s)

				targets/NN/part-NN.json   the records of one target's category, exactly as recorded
				targets/NN/part-NN.csv    the same records as CSV, for spreadsheets
				manifest.json             which file holds which target, category and period,
				                          with the SHA-256, size and records of every file
				manifest.sig              Ed25519 signature of manifest.json (base64)
				records-certificate.pdf   certificate of authenticity, naming manifest.json's SHA-256

				File names reveal no account and no category: manifest.json, encrypted like
				every file here, is the only index.

				%s

				To check the package offline (Java 17 or later, nothing else):
				  java -jar custodian-verifier.jar %s-production.zip --passphrase-file passphrase.txt \\
				       --public-key jwks.json
				with the platform's key from /.well-known/custodian/jwks.json (or the base64 key from
				/.well-known/custodian/production-signing-key). It rejects a package with any byte changed.
				""".formatted(spec.caseNumber(), spec.producedAt(), PackageManifest.CSV_NOTE, spec.caseNumber());
	}

}
