package org.custodian.policy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.custodian.policy.TierVerdict.INSUFFICIENT_INSTRUMENT;
import static org.custodian.policy.TierVerdict.PRESERVATION_ONLY;
import static org.custodian.policy.TierVerdict.REQUIRES_MLAT;
import static org.custodian.policy.TierVerdict.SUPPORTED;
import static org.custodian.policy.TierVerdict.VOLUNTARY;
import static org.custodian.shared.DataCategory.BASIC_SUBSCRIBER;
import static org.custodian.shared.DataCategory.CONTENT;
import static org.custodian.shared.DataCategory.NON_CONTENT;

/**
 * The legal-tier rule as a pure function, with rules mirroring
 * {@code policy/legal-tiers.json} and the platform at home in the US.
 */
class LegalTiersTests {

	private static final Jurisdiction US = Jurisdiction.of("US");

	private static final Jurisdiction HK = Jurisdiction.of("HK");

	private static final Set<DataCategory> EVERYTHING = EnumSet.allOf(DataCategory.class);

	private static final String NSL_NOTE = "A national security letter reaches name, address, length of service and "
			+ "toll billing records only (18 U.S.C. 2709).";

	@Test
	void letsASubpoenaReachSubscriberDataOnly() {
		assertThat(verdicts(legalProcess(Instrument.SUBPOENA, US), defaults())).containsExactly(
				entry(BASIC_SUBSCRIBER, SUPPORTED), entry(NON_CONTENT, INSUFFICIENT_INSTRUMENT),
				entry(CONTENT, INSUFFICIENT_INSTRUMENT));
	}

	@Test
	void letsACourtOrderAlsoReachNonContent() {
		assertThat(verdicts(legalProcess(Instrument.COURT_ORDER, US), defaults())).containsExactly(
				entry(BASIC_SUBSCRIBER, SUPPORTED), entry(NON_CONTENT, SUPPORTED),
				entry(CONTENT, INSUFFICIENT_INSTRUMENT));
	}

	@Test
	void letsADomesticSearchWarrantReachContent() {
		assertThat(verdicts(legalProcess(Instrument.SEARCH_WARRANT, US), defaults())).containsExactly(
				entry(BASIC_SUBSCRIBER, SUPPORTED), entry(NON_CONTENT, SUPPORTED), entry(CONTENT, SUPPORTED));
	}

	@Test
	void sendsAForeignSearchWarrantForContentToTheMlatRoute() {
		List<CategoryFinding> findings = LegalTiers.screen(legalProcess(Instrument.SEARCH_WARRANT, HK), defaults());

		assertThat(verdictsOf(findings)).containsExactly(entry(BASIC_SUBSCRIBER, SUPPORTED),
				entry(NON_CONTENT, SUPPORTED), entry(CONTENT, REQUIRES_MLAT));
		assertThat(findings.get(2).note()).contains("MLAT").contains("HK").contains("US");
	}

	@Test
	void letsAForeignMlatRequestReachContent() {
		assertThat(verdicts(legalProcess(Instrument.MLAT, HK), defaults())).containsExactly(
				entry(BASIC_SUBSCRIBER, SUPPORTED), entry(NON_CONTENT, SUPPORTED), entry(CONTENT, SUPPORTED));
	}

	@Test
	void letsAForeignInstrumentReachContentWhenThePolicyDoesNotRequireMlat() {
		TierRules rules = new TierRules(US, false, defaultCompels(), Map.of());

		assertThat(verdicts(legalProcess(Instrument.SEARCH_WARRANT, HK), rules)).containsEntry(CONTENT, SUPPORTED);
		assertThat(verdicts(legalProcess(Instrument.SUBPOENA, HK), rules)).containsEntry(CONTENT,
				INSUFFICIENT_INSTRUMENT);
	}

	@Test
	void letsANationalSecurityLetterReachSubscriberDataOnlyAndSaysWhy() {
		List<CategoryFinding> findings = LegalTiers.screen(legalProcess(Instrument.NSL, US), defaults());

		assertThat(verdictsOf(findings)).containsExactly(entry(BASIC_SUBSCRIBER, SUPPORTED),
				entry(NON_CONTENT, INSUFFICIENT_INSTRUMENT), entry(CONTENT, INSUFFICIENT_INSTRUMENT));
		assertThat(findings.get(0).note()).isEqualTo(NSL_NOTE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "US", "HK" })
	void treatsEveryEmergencyCategoryAsVoluntary(String requester) {
		TierQuestion question = new TierQuestion(RequestType.EMERGENCY, null, Jurisdiction.of(requester), EVERYTHING);

		assertThat(verdicts(question, defaults())).containsExactly(entry(BASIC_SUBSCRIBER, VOLUNTARY),
				entry(NON_CONTENT, VOLUNTARY), entry(CONTENT, VOLUNTARY));
	}

	@Test
	void onlyPreservesOnAPreservationRequestWhateverTheInstrument() {
		TierQuestion question = new TierQuestion(RequestType.PRESERVATION, Instrument.SEARCH_WARRANT, US, EVERYTHING);

		assertThat(verdicts(question, defaults())).containsExactly(entry(BASIC_SUBSCRIBER, PRESERVATION_ONLY),
				entry(NON_CONTENT, PRESERVATION_ONLY), entry(CONTENT, PRESERVATION_ONLY));
	}

	@Test
	void honoursAJurisdictionsOverride() {
		Map<Instrument, Set<DataCategory>> compels = defaultCompels();
		compels.put(Instrument.SUBPOENA, EnumSet.of(BASIC_SUBSCRIBER, NON_CONTENT));
		TierRules rules = new TierRules(US, true, compels, Map.of());

		assertThat(verdicts(legalProcess(Instrument.SUBPOENA, US), rules)).containsExactly(
				entry(BASIC_SUBSCRIBER, SUPPORTED), entry(NON_CONTENT, SUPPORTED),
				entry(CONTENT, INSUFFICIENT_INSTRUMENT));
	}

	@Test
	void honoursAnOverrideThatCompelsNothing() {
		Map<Instrument, Set<DataCategory>> compels = defaultCompels();
		compels.put(Instrument.COURT_ORDER, EnumSet.noneOf(DataCategory.class));
		TierRules rules = new TierRules(US, true, compels, Map.of());

		assertThat(verdicts(legalProcess(Instrument.COURT_ORDER, US), rules)).containsOnly(
				entry(BASIC_SUBSCRIBER, INSUFFICIENT_INSTRUMENT), entry(NON_CONTENT, INSUFFICIENT_INSTRUMENT),
				entry(CONTENT, INSUFFICIENT_INSTRUMENT));
	}

	@Test
	void answersOnlyForTheRequestedCategoriesInOrderOfIntrusiveness() {
		TierQuestion question = new TierQuestion(RequestType.LEGAL_PROCESS, Instrument.COURT_ORDER, US,
				Set.of(CONTENT, BASIC_SUBSCRIBER));

		assertThat(LegalTiers.screen(question, defaults())).extracting(CategoryFinding::category)
			.containsExactly(BASIC_SUBSCRIBER, CONTENT);
	}

	@Test
	void explainsWhatAnInsufficientInstrumentCompels() {
		List<CategoryFinding> findings = LegalTiers
			.screen(new TierQuestion(RequestType.LEGAL_PROCESS, Instrument.SUBPOENA, US, Set.of(CONTENT)), defaults());

		assertThat(findings).singleElement().satisfies((finding) -> {
			assertThat(finding.verdict()).isEqualTo(INSUFFICIENT_INSTRUMENT);
			assertThat(finding.note()).contains("SUBPOENA").contains("BASIC_SUBSCRIBER").contains("CONTENT");
		});
	}

	private static TierQuestion legalProcess(Instrument instrument, Jurisdiction requester) {
		return new TierQuestion(RequestType.LEGAL_PROCESS, instrument, requester, EVERYTHING);
	}

	/** As in {@code src/main/resources/policy/legal-tiers.json}. */
	private static TierRules defaults() {
		return new TierRules(US, true, defaultCompels(), Map.of(Instrument.NSL, NSL_NOTE));
	}

	private static Map<Instrument, Set<DataCategory>> defaultCompels() {
		Map<Instrument, Set<DataCategory>> compels = new EnumMap<>(Instrument.class);
		compels.put(Instrument.SUBPOENA, EnumSet.of(BASIC_SUBSCRIBER));
		compels.put(Instrument.COURT_ORDER, EnumSet.of(BASIC_SUBSCRIBER, NON_CONTENT));
		compels.put(Instrument.SEARCH_WARRANT, EnumSet.of(BASIC_SUBSCRIBER, NON_CONTENT, CONTENT));
		compels.put(Instrument.MLAT, EnumSet.of(BASIC_SUBSCRIBER, NON_CONTENT, CONTENT));
		compels.put(Instrument.NSL, EnumSet.of(BASIC_SUBSCRIBER));
		compels.put(Instrument.OTHER, EnumSet.of(BASIC_SUBSCRIBER));
		return compels;
	}

	private static Map<DataCategory, TierVerdict> verdicts(TierQuestion question, TierRules rules) {
		return verdictsOf(LegalTiers.screen(question, rules));
	}

	private static Map<DataCategory, TierVerdict> verdictsOf(List<CategoryFinding> findings) {
		Map<DataCategory, TierVerdict> verdicts = new EnumMap<>(DataCategory.class);
		findings.forEach((finding) -> verdicts.put(finding.category(), finding.verdict()));
		assertThat(verdicts).as("one finding per category").hasSameSizeAs(findings);
		return verdicts;
	}

}
