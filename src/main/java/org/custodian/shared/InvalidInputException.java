package org.custodian.shared;

import java.util.List;

/**
 * Input that breaks one or more rules, each named by its field.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidInputException(List<FieldProblem> errors) {
		super("Invalid input: " + errors);
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	/**
	 * One broken rule: the field (a JSON path such as {@code targets[2].value}) and what
	 * is wrong.
	 */
	public record FieldProblem(String field, String message) {
	}

}
