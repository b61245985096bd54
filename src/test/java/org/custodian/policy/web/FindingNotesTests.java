package org.custodian.policy.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.custodian.policy.CategoryFinding;
import org.custodian.policy.LegalTiers;
import org.custodian.policy.TierQuestion;
import org.custodian.policy.TierRules;
import org.custodian.policy.TierVerdict;
import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal tiers' reasons as a reviewer reads them: the instrument and the categories by
 * their labels ("This instrument (Search warrant) reaches Basic subscriber
 * information."), never their codes ("A SEARCH_WARRANT compels BASIC_SUBSCRIBER.").
 */
class FindingNotesTests {

	private static final TierRules RULES = new TierRules(Jurisdiction.of("US"), true,
			Map.of(Instrument.SUBPOENA, Set.of(DataCategory.BASIC_SUBSCRIBER), Instrument.SEARCH_WARRANT,
					Set.of(DataCategory.BASIC_SUBSCRIBER, DataCategory.NON_CONTENT, DataCategory.CONTENT)),
			Map.of());

	private final FindingNotes notes = new FindingNotes(bundles());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void wordsEveryNoteTheLegalTiersWriteWithoutCodes() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		List<CategoryFinding> warrant = LegalTiers.screen(new TierQuestion(RequestType.LEGAL_PROCESS,
				Instrument.SEARCH_WARRANT, Jurisdiction.of("US"), Set.of(DataCategory.BASIC_SUBSCRIBER)), RULES);
		assertThat(this.notes.text(warrant.get(0)))
			.isEqualTo("This instrument (Search warrant) reaches Basic subscriber information.");

		List<CategoryFinding> subpoena = LegalTiers.screen(new TierQuestion(RequestType.LEGAL_PROCESS,
				Instrument.SUBPOENA, Jurisdiction.of("US"), Set.of(DataCategory.NON_CONTENT)), RULES);
		assertThat(this.notes.text(subpoena.get(0))).isEqualTo(
				"This instrument (Subpoena) reaches only: Basic subscriber information. Non-content records needs a stronger instrument.");

		List<CategoryFinding> foreign = LegalTiers.screen(new TierQuestion(RequestType.LEGAL_PROCESS,
				Instrument.SEARCH_WARRANT, Jurisdiction.of("DE"), Set.of(DataCategory.CONTENT)), RULES);
		assertThat(this.notes.text(foreign.get(0))).contains("outside US", "(Search warrant) of DE")
			.doesNotContain("SEARCH_WARRANT");

		LocaleContextHolder.setLocale(Locale.TAIWAN);
		assertThat(this.notes.text(warrant.get(0))).isEqualTo("此法律文書（搜索票）可取得基本用戶資料。");
	}

	@Test
	void showsANoteTheRulesCarryAsWritten() {
		CategoryFinding nsl = new CategoryFinding(DataCategory.BASIC_SUBSCRIBER, TierVerdict.SUPPORTED,
				"A national security letter reaches name and address.");
		assertThat(this.notes.text(nsl)).isEqualTo("A national security letter reaches name and address.");
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "console");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
