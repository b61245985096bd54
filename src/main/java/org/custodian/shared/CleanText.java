package org.custodian.shared;

import java.util.Optional;

/**
 * The one rule for text from outside: no control characters other than tab, newline and
 * carriage return, and no unpaired UTF-16 surrogates. PostgreSQL cannot store a NUL in
 * {@code text} or {@code jsonb}, and the other controls only ever arrive to confuse a
 * reader or a log; a surrogate half is not a character at all.
 */
public final class CleanText {

	private CleanText() {
	}

	/**
	 * Why the text is refused, as a field message, or empty when it is clean (null is
	 * clean).
	 */
	public static Optional<String> refusal(CharSequence text) {
		if (text == null) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return Optional.of("contains a control character (" + codePoint(c) + ")");
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return Optional.of("contains an unpaired surrogate (" + codePoint(c) + ")");
			}
		}
		return Optional.empty();
	}

	public static boolean isClean(CharSequence text) {
		return refusal(text).isEmpty();
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}

}
