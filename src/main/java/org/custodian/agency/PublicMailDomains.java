package org.custodian.agency;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Public webmail and free e-mail providers (a list shipped as data,
 * {@code agency/public-mail-domains.txt}, replaceable with
 * {@code custodian.agency.public-mail-domains}): anyone can get an address there, so such
 * a domain proves nothing about an agency and is refused as one of its domains.
 */
@Component
class PublicMailDomains {

	private final Set<String> domains = new HashSet<>();

	/** Names listed as {@code name.*}: that name under any top-level domain. */
	private final Set<String> anyTopLevel = new HashSet<>();

	PublicMailDomains(
			@Value("${custodian.agency.public-mail-domains:classpath:agency/public-mail-domains.txt}") Resource list) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.map((line) -> line.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT))
				.filter((line) -> !line.isEmpty())
				.forEach((entry) -> {
					if (entry.endsWith(".*")) {
						this.anyTopLevel.add(entry.substring(0, entry.length() - 2));
					}
					else {
						this.domains.add(entry);
					}
				});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the list of public e-mail domains " + list, ex);
		}
	}

	/**
	 * Whether the domain, or a domain it is under, is a public provider's (gmail.com,
	 * mail.gmail.com, gmx.de, gmx.co.uk).
	 */
	boolean isPublic(String domain) {
		String candidate = EmailDomains.normalise(domain);
		while (candidate.contains(".")) {
			String[] labels = candidate.split("\\.");
			if (this.domains.contains(candidate)
					|| (labels.length <= 3 && this.anyTopLevel.contains(labels[0]) && labels.length >= 2)) {
				return true;
			}
			candidate = candidate.substring(candidate.indexOf('.') + 1);
		}
		return false;
	}

	/** The public providers' domains among these. */
	List<String> among(List<String> domains) {
		return domains.stream().filter(this::isPublic).toList();
	}

}
