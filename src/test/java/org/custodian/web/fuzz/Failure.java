package org.custodian.web.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.custodian.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What went wrong in one fuzzing call, and in which call (seed, try, endpoint, field and
 * value, shortened for display).
 */
record Failure(String problem, String call) {

	private static final int SHOWN_PER_PROBLEM = 5;

	/**
	 * What is wrong with the answer: a 5xx, or a 400 that is not problem+json naming
	 * fields.
	 */
	static List<String> problemsOf(Api.Response response) {
		if (response.status() >= 500) {
			return List.of("a server error");
		}
		if (response.status() != 400) {
			return List.of();
		}
		if (!response.contentType().startsWith("application/problem+json")) {
			return List.of("a 400 that is not application/problem+json");
		}
		JsonNode errors = response.json().path("errors");
		if (!errors.isArray() || errors.isEmpty()) {
			return List.of("a 400 without errors");
		}
		List<String> problems = new ArrayList<>();
		errors.forEach((error) -> {
			if (error.path("field").asString("").isBlank()) {
				problems.add("a 400 error without a field");
			}
		});
		return problems;
	}

	/** The failures by problem, each with its count and its first few calls. */
	static String report(List<Failure> failures, String heading) {
		Map<String, List<String>> byProblem = failures.stream()
			.collect(Collectors.groupingBy(Failure::problem, LinkedHashMap::new,
					Collectors.mapping(Failure::call, Collectors.toList())));
		StringBuilder report = new StringBuilder(failures.size() + " failures in " + heading);
		byProblem.forEach((problem, calls) -> {
			report.append("\n").append(problem).append(" (").append(calls.size()).append("), e.g.");
			calls.stream().limit(SHOWN_PER_PROBLEM).forEach((call) -> report.append("\n  ").append(call));
		});
		return report.toString();
	}

	/**
	 * A value for display: its type, length and first 40 characters, controls escaped.
	 */
	static String describe(Object value) {
		String text = String.valueOf(value);
		String codes = text.chars()
			.limit(40)
			.mapToObj((c) -> (c < 0x20 || Character.isSurrogate((char) c)) ? String.format("\\u%04x", c)
					: String.valueOf((char) c))
			.collect(Collectors.joining());
		return value.getClass().getSimpleName() + "(" + text.length() + " chars) \"" + codes + "\"";
	}

	/** An answer for display: its first 300 characters. */
	static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
