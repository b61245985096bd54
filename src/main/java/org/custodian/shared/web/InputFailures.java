package org.custodian.shared.web;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.shared.InvalidInputException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Names the field behind a failure to read a request (a JSON body of the wrong shape, a
 * broken multipart upload, a form index out of range), for the API's problem+json and the
 * pages' error page alike.
 */
public final class InputFailures {

	private static final Pattern INDEXED = Pattern.compile("^([^\\[]*)\\[([^\\]]*)\\].*$");

	private InputFailures() {
	}

	/** The problems of a request that could not be read, by field. */
	public static List<FieldProblem> of(Throwable failure) {
		if (failure instanceof HttpMessageNotReadableException unreadable) {
			return (unreadable.getCause() instanceof JacksonException json) ? json(json, "body")
					: List.of(new FieldProblem("body", "is empty"));
		}
		if (failure instanceof MaxUploadSizeExceededException tooLarge) {
			return List.of(new FieldProblem("document",
					causedBy(tooLarge, "header") ? "file name is too long" : "is larger than 20 MB"));
		}
		if (failure instanceof MultipartException multipart) {
			return List
				.of(causedBy(multipart, "InvalidFileName") ? new FieldProblem("document", "file name is not valid")
						: new FieldProblem("body", "is not a valid multipart request"));
		}
		if (failure instanceof InvalidPropertyException property) {
			return List.of(property(property.getPropertyName()));
		}
		return List.of(new FieldProblem("body", "could not be read"));
	}

	/**
	 * The field of JSON that could not be read: its path ({@code targets[0].value}), or
	 * {@code root} for the document as a whole.
	 */
	public static List<FieldProblem> json(JacksonException failure, String root) {
		if (!(failure instanceof DatabindException)) {
			return List.of(new FieldProblem(root, "is not valid JSON"));
		}
		String path = path(failure);
		if (failure instanceof CleanTextModule.RefusedText refused) {
			return List.of(new FieldProblem(path.isEmpty() ? root : path, refused.refusal()));
		}
		if (path.isEmpty()) {
			return List.of(new FieldProblem(root, "is not a JSON object of the expected shape"));
		}
		Class<?> expected = (failure instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		return List.of(new FieldProblem(path, expectation(expected)));
	}

	private static String path(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String expectation(Class<?> expected) {
		if (expected == null) {
			return "is not a valid value";
		}
		if (Collection.class.isAssignableFrom(expected) || expected.isArray()) {
			return "must be a list";
		}
		if (expected == String.class) {
			return "must be text";
		}
		if (expected == Boolean.class || expected == boolean.class) {
			return "must be true or false";
		}
		if (expected == UUID.class) {
			return "is not a valid id";
		}
		if (Number.class.isAssignableFrom(expected) || expected.isPrimitive()) {
			return "must be a number";
		}
		return "must be an object";
	}

	private static FieldProblem property(String name) {
		Matcher indexed = INDEXED.matcher((name != null) ? name : "");
		if (!indexed.matches()) {
			return new FieldProblem((name != null) ? name : "body", "is not a valid value");
		}
		boolean index = indexed.group(2).matches("[0-9]+");
		return new FieldProblem(indexed.group(1), index ? "has too many entries" : "has an invalid index");
	}

	private static boolean causedBy(Throwable failure, String hint) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage()) + " " + cause.getClass().getSimpleName();
			if (message.toLowerCase().contains(hint.toLowerCase())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
