package org.custodian.shared.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A form problem in the words the person saw: the field by the label of its form control
 * (never its path, such as {@code assessment.legality.verdict}) and the problem from its
 * message. Pages call it as {@code @formText.label(field)} and
 * {@code @formText.problem(message)}.
 */
@Component("formText")
public class FormText {

	private static final Pattern INDEXED = Pattern.compile("([A-Za-z]+)\\[(\\d+)]\\.([A-Za-z]+)");

	private static final Pattern CONSIDERATION = Pattern.compile("assessment\\.([A-Za-z]+)\\.(verdict|note)");

	private final MessageSource messages;

	FormText(MessageSource messages) {
		this.messages = messages;
	}

	/** The label of the field the problem is about. */
	public String label(String field) {
		Locale locale = LocaleContextHolder.getLocale();
		String direct = this.messages.getMessage("field." + field, null, null, locale);
		if (direct != null) {
			return direct;
		}
		Matcher indexed = INDEXED.matcher(field);
		if (indexed.matches()) {
			String code = "field." + singular(indexed.group(1)) + capitalised(indexed.group(3));
			String label = this.messages.getMessage(code, new Object[] { Integer.parseInt(indexed.group(2)) + 1 }, null,
					locale);
			if (label != null) {
				return label;
			}
		}
		Matcher consideration = CONSIDERATION.matcher(field);
		if (consideration.matches()) {
			String name = this.messages.getMessage("consideration." + consideration.group(1), null, null, locale);
			if (name != null) {
				return this.messages.getMessage("field.assessment." + consideration.group(2), new Object[] { name },
						locale);
			}
		}
		String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
		return this.messages.getMessage("field." + last, null, this.messages.getMessage("field.other", null, locale),
				locale);
	}

	/** The problem (several are joined by "; ") in the reader's language. */
	public String problem(String message) {
		Locale locale = LocaleContextHolder.getLocale();
		return Arrays.stream(message.split("; "))
			.map((one) -> this.messages.getMessage("problem." + one, null, one, locale))
			.collect(Collectors.joining("; "));
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

	private static String capitalised(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
