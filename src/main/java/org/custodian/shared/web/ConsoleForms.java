package org.custodian.shared.web;

import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the console's forms share: the use case runs; bad input shows the page again (400)
 * with each problem next to its field; success redirects with a message (post, redirect,
 * get).
 */
public final class ConsoleForms {

	private ConsoleForms() {
	}

	/**
	 * Runs a form's use case.
	 * @param useCase the one service call the form stands for
	 * @param page the page again with these problems by field (and what was typed)
	 * @param done the message code shown after the redirect
	 * @param next where to redirect after success
	 * @return the view
	 */
	public static String submit(Runnable useCase, Function<Map<String, String>, String> page,
			HttpServletResponse response, RedirectAttributes redirect, String done, String next) {
		try {
			useCase.run();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page.apply(FormErrors.of(ex));
		}
		redirect.addFlashAttribute("done", done);
		return "redirect:" + next;
	}

	/**
	 * An approval form's button: approve (true), return to the proposer (false), or none
	 * (null: the use case asks for one).
	 */
	public static Boolean approval(String verdict) {
		return switch (verdict) {
			case "approve" -> true;
			case "return" -> false;
			default -> null;
		};
	}

}
