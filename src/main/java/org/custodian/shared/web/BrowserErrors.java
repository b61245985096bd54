package org.custodian.shared.web;

import org.custodian.shared.ConflictException;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' failures as a calm page that says what happened, with the right status.
 */
@ControllerAdvice(annotations = BrowserPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserErrors {

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView forbidden(ForbiddenException ex) {
		return page(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView conflict(ConflictException ex) {
		return page(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInputException ex) {
		ModelAndView page = page(HttpStatus.BAD_REQUEST,
				String.join("; ", ex.errors().stream().map((error) -> error.field() + " " + error.message()).toList()));
		page.addObject("errors", FormErrors.of(ex));
		return page;
	}

	/**
	 * A request the page could not read (a broken upload, a form index out of range, a
	 * value of the wrong type) is bad input like any other, not a failure of the server.
	 */
	@ExceptionHandler({ HttpMessageNotReadableException.class, MultipartException.class,
			InvalidPropertyException.class })
	ModelAndView unreadable(Exception ex) {
		return invalid(new InvalidInputException(InputFailures.of(ex)));
	}

	@ExceptionHandler
	ModelAndView typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalid(new InvalidInputException(ex.getName(), "is not a valid value"));
	}

	@ExceptionHandler
	ModelAndView missingParameter(MissingServletRequestParameterException ex) {
		return invalid(new InvalidInputException(ex.getParameterName(), "is required"));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}

}
