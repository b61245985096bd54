package org.custodian.policy.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

	/** The notes {@code policy.LegalTiers} writes, with the codes in them. */
	private static final Pattern SUPPORTED = Pattern.compile("A ([A-Z_]+) compels ([A-Z_]+)\\.");

	private static final Pattern INSUFFICIENT = Pattern
		.compile("A ([A-Z_]+) compels only \\[([A-Z_, ]*)]; ([A-Z_]+) needs a stronger instrument\\.");

	private static final Pattern MLAT = Pattern.compile("Content for an authority outside ([A-Z]{2}) needs the "
			+ "mutual legal assistance \\(MLAT\\) route; a domestic ([A-Z_]+) of ([A-Z]{2}) does not reach it\\.");

	private final MessageSource messages;

	FindingNotes(MessageSource messages) {
		this.messages = messages;
	}

	public String text(CategoryFinding finding) {
		Locale locale = LocaleContextHolder.getLocale();
		return switch (finding.verdict()) {
			case PRESERVATION_ONLY, VOLUNTARY -> message("tier.note." + finding.verdict(), locale);
			case REQUIRES_MLAT -> worded(MLAT, finding, locale, (args) -> message("tier.note.REQUIRES_MLAT", locale,
					args.group(1), message("instrument." + args.group(2), locale), args.group(3)));
			case INSUFFICIENT_INSTRUMENT -> worded(INSUFFICIENT, finding, locale,
					(args) -> message("tier.note.INSUFFICIENT_INSTRUMENT", locale,
							message("instrument." + args.group(1), locale), categories(args.group(2), locale),
							message("category." + args.group(3), locale)));
			case SUPPORTED -> worded(SUPPORTED, finding, locale, (args) -> message("tier.note.SUPPORTED", locale,
					message("instrument." + args.group(1), locale), message("category." + args.group(2), locale)));
		};
	}

	/**
	 * The note in words when it is one the legal tiers write (its codes read back from
	 * it); a note the rules themselves carry is shown as written.
	 */
	private static String worded(Pattern pattern, CategoryFinding finding, Locale locale,
			Function<Matcher, String> words) {
		Matcher matcher = pattern.matcher(finding.note());
		return matcher.matches() ? words.apply(matcher) : finding.note();
	}

	private String categories(String codes, Locale locale) {
		return Arrays.stream(codes.split(",\\s*"))
			.filter((code) -> !code.isBlank())
			.map((code) -> message("category." + code, locale))
			.collect(Collectors.joining(message("list.separator", locale)));
	}

	private String message(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

}
