package org.custodian.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.custodian.shared.InvalidInputException.FieldProblem;

/**
 * Collects every broken rule of an input before failing, so a caller learns all of them
 * at once.
 */
public final class FieldProblems {

	private final List<FieldProblem> problems = new ArrayList<>();

	public FieldProblems add(String field, String message) {
		this.problems.add(new FieldProblem(field, message));
		return this;
	}

	public FieldProblems check(boolean ok, String field, String message) {
		if (!ok) {
			add(field, message);
		}
		return this;
	}

	/** Reads an enum value; reports an unknown one, and a missing one when required. */
	public <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, boolean required) {
		if (value == null || value.isBlank()) {
			check(!required, field, "is required");
			return null;
		}
		Optional<E> parsed = Enums.parse(type, value);
		if (parsed.isEmpty() && !CleanText.isClean(value)) {
			clean(value, field);
		}
		else if (parsed.isEmpty()) {
			add(field, "'" + value + "' is not one of " + Enums.allowed(type));
		}
		return parsed.orElse(null);
	}

	public String required(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			add(field, "is required");
			return null;
		}
		return optional(value, field, maxLength);
	}

	public String optional(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		check(value.length() <= maxLength, field, "is longer than " + maxLength + " characters");
		clean(value, field);
		return value.trim();
	}

	/**
	 * Reports text with control characters (the web layer refuses them before any service
	 * runs; this is the last line for other callers, such as the command line).
	 */
	public FieldProblems clean(String value, String field) {
		CleanText.refusal(value).ifPresent((message) -> add(field, message));
		return this;
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInputException(this.problems);
		}
	}

}
