package org.custodian.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.custodian.shared.PhoneNumbers;
import org.custodian.shared.TargetKind;

/**
 * Resolves identifiers to the platform's accounts. The default reads a table the platform
 * keeps up to date; a platform can provide its own implementation as a bean.
 */
public interface AccountDirectory {

	Optional<Account> resolve(TargetKind kind, String value);

	/** Resolves many identifiers; unknown ones are skipped. */
	default List<Account> resolveAll(Collection<Identifier> identifiers) {
		return identifiers.stream()
			.map((identifier) -> resolve(identifier.kind(), identifier.value()))
			.flatMap(Optional::stream)
			.distinct()
			.toList();
	}

	/**
	 * How to reach the account's holder, for user notice; empty where the directory does
	 * not know.
	 */
	default Optional<Contact> contact(String accountId) {
		return Optional.empty();
	}

	/**
	 * The holder's e-mail address (null if none), preferred language (a BCP 47 tag, or
	 * null) and whether the account is flagged compromised.
	 */
	record Contact(String email, String language, boolean compromised) {
	}

	/**
	 * An identifier as it is compared: e-mail and username case-insensitive, whitespace
	 * removed, phone numbers in E.164 ({@link PhoneNumbers}, the parser intake checks
	 * them with; a number it cannot read is kept as its digits with a leading +).
	 */
	static String normalise(TargetKind kind, String value) {
		String trimmed = value.strip();
		return switch (kind) {
			case EMAIL, USERNAME -> trimmed.replaceAll("\\s+", "").replaceFirst("^@", "").toLowerCase(Locale.ROOT);
			case PHONE -> PhoneNumbers.e164(trimmed).orElseGet(() -> {
				String digits = trimmed.replaceAll("[^0-9+]", "");
				return digits.startsWith("00") ? "+" + digits.substring(2) : digits;
			});
			case USER_ID -> trimmed;
		};
	}

	/**
	 * One identifier from a request.
	 */
	record Identifier(TargetKind kind, String value) {
	}

}
