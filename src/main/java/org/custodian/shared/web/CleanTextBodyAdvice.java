package org.custodian.shared.web;

import java.lang.reflect.Type;

import org.custodian.shared.CleanText;
import org.custodian.shared.InvalidInputException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses control characters in a body read as plain text (a CSV upload, the JSON part of
 * a multipart request), naming the body or part and the line.
 */
@ControllerAdvice
class CleanTextBodyAdvice extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType == String.class;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		String text = (String) body;
		CleanText.refusal(text).ifPresent((message) -> {
			RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
			String field = (part != null) ? (part.name().isEmpty() ? part.value() : part.name()) : "body";
			throw new InvalidInputException(field, message + " on line " + lineOfFirstRefused(text));
		});
		return body;
	}

	private static int lineOfFirstRefused(String text) {
		String[] lines = text.split("\n", -1);
		int line = 0;
		while (line < lines.length - 1 && CleanText.isClean(lines[line])) {
			line++;
		}
		return line + 1;
	}

}
