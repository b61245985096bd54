package org.custodian.policy.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.custodian.policy.CategoryFinding;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A legal-tier finding's reason in the reader's language, with the instrument and the
 * categories by their labels, never their codes. Pages call it as
 * {@code @findingNotes.text(finding)}.
 */
@Component("findingNotes")
class FindingNotes {

	private final MessageSource messages;

	FindingNotes(MessageSource messages) {
		this.messages = messages;
	}

	public String text(CategoryFinding finding) {
		Locale locale = LocaleContextHolder.getLocale();
		List<String> args = finding.noteArgs();
		return switch (finding.verdict()) {
			case PRESERVATION_ONLY, VOLUNTARY -> message("tier.note." + finding.verdict(), locale);
			case REQUIRES_MLAT -> message("tier.note.REQUIRES_MLAT", locale, args.get(0),
					message("instrument." + args.get(1), locale), args.get(2));
			case INSUFFICIENT_INSTRUMENT ->
				message("tier.note.INSUFFICIENT_INSTRUMENT", locale, message("instrument." + args.get(0), locale),
						categories(args.get(1), locale), message("category." + args.get(2), locale));
			case SUPPORTED -> args.isEmpty() ? finding.note() : message("tier.note.SUPPORTED", locale,
					message("instrument." + args.get(0), locale), message("category." + args.get(1), locale));
		};
	}

	private String categories(String codes, Locale locale) {
		return Arrays.stream(codes.split(","))
			.filter((code) -> !code.isBlank())
			.map((code) -> message("category." + code, locale))
			.collect(Collectors.joining(message("list.separator", locale)));
	}

	private String message(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

}
