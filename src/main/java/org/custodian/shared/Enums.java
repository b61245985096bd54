package org.custodian.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads enum values from input without exceptions, and says which values are allowed.
 */
public final class Enums {

	private Enums() {
	}

	public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		return Arrays.stream(type.getEnumConstants()).filter((e) -> e.name().equals(value)).findFirst();
	}

	public static String allowed(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
	}

}
