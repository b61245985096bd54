package org.custodian.shared.web;

import java.util.List;
import java.util.Map;

import org.custodian.shared.InvalidInputException.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one error shape the API speaks.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail invalid(List<FieldProblem> errors) {
		String detail = errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("The input is invalid.");
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid input", detail);
		problem.setProperty("errors",
				errors.stream().map((error) -> Map.of("field", error.field(), "message", error.message())).toList());
		return problem;
	}

}
