package org.custodian.agency;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an e-mail address belongs to an agency: its domain must equal a registered
 * domain or be a subdomain of one. {@code metro.gov.evil.com} and {@code evilmetro.gov}
 * are not {@code metro.gov}.
 */
final class EmailDomains {

	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

	private EmailDomains() {
	}

	static boolean isDomain(String value) {
		return value != null && DOMAIN.matcher(normalise(value)).matches();
	}

	static String normalise(String domain) {
		return domain.trim().toLowerCase(Locale.ROOT);
	}

	static boolean belongs(String email, Collection<String> registeredDomains) {
		int at = email.indexOf('@');
		if (at < 1 || at != email.lastIndexOf('@') || !isDomain(email.substring(at + 1))) {
			return false;
		}
		String domain = normalise(email.substring(at + 1));
		return registeredDomains.stream()
			.map(EmailDomains::normalise)
			.anyMatch((registered) -> domain.equals(registered) || domain.endsWith("." + registered));
	}

}
