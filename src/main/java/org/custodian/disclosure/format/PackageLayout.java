package org.custodian.disclosure.format;

/**
 * The names in a package. Data files carry no account, identifier or category in their
 * names ({@code targets/01/part-01.json}): which file holds what is written only in the
 * encrypted, signed manifest.
 */
public final class PackageLayout {

	public static final String FORMAT = "custodian-production/2";

	public static final String MANIFEST = "manifest.json";

	public static final String SIGNATURE = "manifest.sig";

	public static final String CERTIFICATE = "records-certificate.pdf";

	public static final String README = "README.txt";

	private PackageLayout() {
	}

	/** The folder of the n-th target (from 1). */
	public static String folder(int target) {
		return String.format("targets/%02d/", target);
	}

	/**
	 * The n-th part (from 1) of a target, with its extension ({@code json}, {@code csv}).
	 */
	public static String part(int target, int part, String extension) {
		return folder(target) + String.format("part-%02d.%s", part, extension);
	}

}
