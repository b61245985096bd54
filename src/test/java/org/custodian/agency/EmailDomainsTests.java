package org.custodian.agency;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer's address must be on one of the agency's registered domains, and nothing
 * that merely looks like one.
 */
class EmailDomainsTests {

	private static final List<String> METRO = List.of("metro.gov");

	@Test
	void acceptsAnAddressOnTheRegisteredDomain() {
		assertThat(EmailDomains.belongs("j.smith@metro.gov", METRO)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "x@.metro.gov", "a@evil.com@metro.gov", "@metro.gov", "a@metro..gov" })
	void refusesMalformedAddressesThatEndInTheDomain(String email) {
		assertThat(EmailDomains.belongs(email, METRO)).isFalse();
	}

	@Test
	void acceptsAnAddressOnASubdomain() {
		assertThat(EmailDomains.belongs("j.smith@cyber.metro.gov", METRO)).isTrue();
		assertThat(EmailDomains.belongs("j.smith@east.cyber.metro.gov", METRO)).isTrue();
	}

	@Test
	void comparesDomainsWithoutRegardToCase() {
		assertThat(EmailDomains.belongs("J.Smith@Metro.GOV", METRO)).isTrue();
		assertThat(EmailDomains.belongs("j.smith@metro.gov", List.of(" METRO.Gov "))).isTrue();
	}

	@Test
	void acceptsAnAddressOnAnyOfSeveralRegisteredDomains() {
		assertThat(EmailDomains.belongs("k.chan@police.gov.hk", List.of("metro.gov", "police.gov.hk"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "j.smith@metro.gov.evil.com", "j.smith@evilmetro.gov", "j.smith@metro.gov.uk",
			"j.smith@metro.go", "j.smith@gov", "j.smith@metro-gov.com", "metro.gov@evil.com" })
	void refusesLookalikeDomains(String email) {
		assertThat(EmailDomains.belongs(email, METRO)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "j.smith.metro.gov", "@metro.gov", "j.smith@", "" })
	void refusesAnAddressWithoutLocalPartOrDomain(String email) {
		assertThat(EmailDomains.belongs(email, METRO)).isFalse();
	}

	@Test
	void refusesEveryAddressForAnAgencyWithoutDomains() {
		assertThat(EmailDomains.belongs("j.smith@metro.gov", List.of())).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "metro.gov", "police.gov.hk", "x.io", "METRO.GOV", " metro.gov ", "cyber-unit.metro.gov",
			"a1.b2.example" })
	void recognisesADomainName(String value) {
		assertThat(EmailDomains.isDomain(value)).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "metro", "metro.", ".metro.gov", "-metro.gov", "metro-.gov", "metro..gov",
			"http://metro.gov", "metro.gov/path", "j.smith@metro.gov", "metro.g", "metro.123", "met ro.gov",
			"metro_police.gov", "*.metro.gov" })
	void rejectsJunkAsADomainName(String value) {
		assertThat(EmailDomains.isDomain(value)).isFalse();
	}

	@Test
	void rejectsALabelLongerThanSixtyThreeCharacters() {
		assertThat(EmailDomains.isDomain("a".repeat(63) + ".gov")).isTrue();
		assertThat(EmailDomains.isDomain("a".repeat(64) + ".gov")).isFalse();
	}

}
