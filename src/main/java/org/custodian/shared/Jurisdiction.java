package org.custodian.shared;

import java.util.Locale;
import java.util.Set;

/**
 * A jurisdiction by its ISO 3166-1 alpha-2 code (HK, US, GB, DE, ...).
 */
public record Jurisdiction(String code) {

	private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

	public Jurisdiction {
		if (code == null || !ISO_CODES.contains(code)) {
			throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 code: " + code);
		}
	}

	public static Jurisdiction of(String code) {
		return new Jurisdiction(code == null ? null : code.trim().toUpperCase(Locale.ROOT));
	}

	public static boolean isValid(String code) {
		return code != null && ISO_CODES.contains(code.trim().toUpperCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return this.code;
	}

}
