package org.custodian.removal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.removal.AppealLinkExpired;
import org.custodian.removal.AppealLinkUsed;
import org.custodian.removal.RemovalAppeals;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public appeal page the holder's notice links to ({@code /appeal?token=…}, no
 * sign-in: the one-time token is the credential): what the notice said, and a form to
 * file the appeal through the same use case as {@code POST /api/v1/appeals}. A link that
 * opens nothing (unknown, used, expired) gets a page that says so and shows nothing of
 * the case.
 */
@Controller
@BrowserPage
class AppealPageController {

	private final RemovalAppeals appeals;

	AppealPageController(RemovalAppeals appeals) {
		this.appeals = appeals;
	}

	/** Opening the link shows the form; it changes nothing. */
	@GetMapping("/appeal")
	String show(@RequestParam(defaultValue = "") String token, Model model) {
		return form(token, model, Map.of(), "");
	}

	@PostMapping("/appeal")
	String file(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String statement,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.appeals.file(token, statement);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(token, model, FormErrors.of(ex), statement);
		}
		redirect.addFlashAttribute("filed", true);
		return "redirect:/appeal/filed";
	}

	@GetMapping("/appeal/filed")
	String filed() {
		return "appeal/filed";
	}

	private String form(String token, Model model, Map<String, String> errors, String statement) {
		model.addAttribute("appeal", this.appeals.appealable(token));
		model.addAttribute("token", token);
		// the language links keep the token, or the page they open would know no link
		model.addAttribute("languageQuery", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&");
		model.addAttribute("errors", errors);
		model.addAttribute("statement", statement);
		return "appeal/appeal";
	}

	@ExceptionHandler
	ModelAndView unknown(NotFoundException ex) {
		return closed(HttpStatus.NOT_FOUND, "unknown");
	}

	@ExceptionHandler
	ModelAndView used(AppealLinkUsed ex) {
		return closed(HttpStatus.GONE, "used");
	}

	@ExceptionHandler
	ModelAndView expired(AppealLinkExpired ex) {
		return closed(HttpStatus.GONE, "expired");
	}

	private static ModelAndView closed(HttpStatus status, String why) {
		ModelAndView page = new ModelAndView("appeal/closed");
		page.setStatus(status);
		page.addObject("why", why);
		return page;
	}

}
