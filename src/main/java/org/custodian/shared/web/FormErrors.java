package org.custodian.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.custodian.shared.InvalidInputException;

/**
 * A form's problems by field, for showing each next to its field (several problems of one
 * field are joined).
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static Map<String, String> of(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.errors().forEach((error) -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
		return errors;
	}

}
