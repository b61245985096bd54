package org.custodian.shared.web;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A form problem names the field by the label the person saw, in their language. */
class FormTextTests {

	private final FormText text = new FormText(bundles());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void namesAConsiderationsVerdictByItsLabelNotItsPath() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.text.label("assessment.legality.verdict")).isEqualTo("Legality: verdict");
		assertThat(this.text.label("assessment.humanRights.note")).isEqualTo("Human rights: note");
		LocaleContextHolder.setLocale(Locale.TAIWAN);
		assertThat(this.text.label("assessment.legality.verdict")).isEqualTo("合法性：判斷");
	}

	@Test
	void namesAnIndexedFieldByItsNumberAsThePageShowsIt() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.text.label("targets[0].value")).isEqualTo("Identifier 1");
		assertThat(this.text.label("targets[2].kind")).isEqualTo("Identifier 3: kind");
		assertThat(this.text.label("emergency.threat")).isEqualTo("The threat to life or safety");
	}

	@Test
	void neverShowsAnUnknownPath() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.text.label("some.deep.path[3].thing")).isEqualTo("A field of this form");
		assertThat(this.text.label("request.categories")).isEqualTo("Data categories");
	}

	@Test
	void wordsEachOfSeveralProblemsInTheReadersLanguage() {
		LocaleContextHolder.setLocale(Locale.TAIWAN);
		assertThat(this.text.problem("is required; is not a telephone number")).doesNotContain("is required")
			.contains("; ");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.text.problem("needs REVIEW, PRODUCTION or both")).isEqualTo("needs review, production or both");
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "console");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
