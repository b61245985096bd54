package org.custodian.shared.web;

import java.io.IOException;
import java.util.List;

import org.custodian.shared.ConflictException;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.InvalidInputException.FieldProblem;
import org.custodian.shared.NotFoundException;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into RFC 9457 problem+json: {@code status}, {@code title},
 * {@code detail} and, for bad input, {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		return Problems.invalid(ex.errors());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail forbidden(ForbiddenException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		return Problems.of(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return Problems.invalid(List.of(new FieldProblem(ex.getName(), "is not a valid value")));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(Problems.invalid(InputFailures.of(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(Problems.invalid(InputFailures.of(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))));
	}

	/** A broken upload, or a form index out of range. */
	@ExceptionHandler({ MultipartException.class, InvalidPropertyException.class })
	ProblemDetail unreadable(Exception ex) {
		return Problems.invalid(InputFailures.of(ex));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.invalid(List.of(new FieldProblem(ex.getRequestPartName(), "is required"))));
	}

	/**
	 * A wrong address under the console, the portal or the public pages is answered by
	 * the error page in the layout (through the servlet container's error dispatch); only
	 * the API answers problem+json.
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
				&& !servlet.getRequest().getRequestURI().startsWith(servlet.getRequest().getContextPath() + "/api/")) {
			try {
				servlet.getResponse().sendError(HttpStatus.NOT_FOUND.value());
				return null;
			}
			catch (IOException failed) {
				// the client went away; the problem below is as good an answer as any
			}
		}
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	@ExceptionHandler
	ProblemDetail missingHeader(MissingRequestHeaderException ex) {
		return Problems.invalid(List.of(new FieldProblem(ex.getHeaderName(), "header is required")));
	}

}
