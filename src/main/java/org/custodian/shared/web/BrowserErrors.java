package org.custodian.shared.web;

import org.custodian.shared.ConflictException;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
		return page(HttpStatus.BAD_REQUEST,
				String.join("; ", ex.errors().stream().map((error) -> error.field() + " " + error.message()).toList()));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("problem");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		return page;
	}

}
