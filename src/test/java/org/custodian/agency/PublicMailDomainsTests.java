package org.custodian.agency;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public webmail and free e-mail providers, from the list shipped as data, prove nothing
 * about an agency; an agency's own domain is not one of them.
 */
class PublicMailDomainsTests {

	private static final PublicMailDomains SHIPPED = new PublicMailDomains(
			new ClassPathResource("agency/public-mail-domains.txt"));

	@ParameterizedTest
	@ValueSource(strings = { "gmail.com", "GMail.com ", "outlook.com", "hotmail.com", "yahoo.com", "proton.me",
			"protonmail.com", "gmx.de", "gmx.net", "gmx.co.uk", "mail.ru", "qq.com", "163.com", "icloud.com",
			"hotmail.co.uk", "mail.gmail.com" })
	void refusesPublicProviders(String domain) {
		assertThat(SHIPPED.isPublic(domain)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "police.gov.hk", "metro.gov", "fbi.gov", "gmailcom.gov", "notgmail.com",
			"gmx.police.gov.uk", "met.police.uk" })
	void acceptsAgencyDomains(String domain) {
		assertThat(SHIPPED.isPublic(domain)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "webmail.example" })
	void aConfiguredListReplacesTheShippedOne(String domain) {
		PublicMailDomains configured = new PublicMailDomains(
				new ByteArrayResource("# ours\nwebmail.example\nfree.*\n".getBytes()));
		assertThat(configured.isPublic(domain)).isTrue();
		assertThat(configured.isPublic("free.org")).isTrue();
		assertThat(configured.isPublic("gmail.com")).isFalse();
		assertThat(configured.among(List.of("police.gov.hk", "webmail.example"))).containsExactly("webmail.example");
	}

}
