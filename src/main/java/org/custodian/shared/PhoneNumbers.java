package org.custodian.shared;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The one telephone number parser (Google's libphonenumber): numbers are international,
 * written with a leading {@code +} or {@code 00}, and compared in E.164.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private static final String UNKNOWN_REGION = "ZZ";

	private PhoneNumbers() {
	}

	/**
	 * The number in E.164 ({@code +85228602000}), or empty when the text is not a valid
	 * international number.
	 */
	public static Optional<String> e164(String text) {
		if (text == null || text.isBlank() || text.length() > 64) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		String international = trimmed.startsWith("00") ? "+" + trimmed.substring(2) : trimmed;
		try {
			PhoneNumber number = UTIL.parse(international, UNKNOWN_REGION);
			return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
