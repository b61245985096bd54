package org.custodian.agency.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.custodian.agency.Agencies;
import org.custodian.agency.OfficerAccounts;
import org.custodian.agency.OfficerAccounts.Registration;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.SecondFactors;
import org.custodian.identity.WebSessions;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's front door: registration, the e-mailed link, enrolment of the second
 * factor, sign-in.
 */
@Controller
@BrowserPage
class PortalAccountController {

	private final OfficerAccounts accounts;

	private final Agencies agencies;

	private final SecondFactors secondFactors;

	private final WebSessions sessions;

	PortalAccountController(OfficerAccounts accounts, Agencies agencies, SecondFactors secondFactors,
			WebSessions sessions) {
		this.accounts = accounts;
		this.agencies = agencies;
		this.secondFactors = secondFactors;
		this.sessions = sessions;
	}

	@GetMapping("/portal")
	String home() {
		return "portal/home";
	}

	@GetMapping("/portal/login")
	String login() {
		return "portal/login";
	}

	@PostMapping("/portal/login")
	String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return this.sessions.answer(this.accounts.signIn(email, password, code), "portal", "/portal/requests", email,
				model, request, response);
	}

	@GetMapping("/portal/register")
	String registration(Model model) {
		model.addAttribute("form", new Registration("", "", ""));
		model.addAttribute("errors", Map.of());
		return "portal/register";
	}

	@PostMapping("/portal/register")
	String register(Registration form, Model model, Locale locale, HttpServletResponse response) {
		try {
			this.accounts.register(form, locale);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", FormErrors.of(ex));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "portal/register";
		}
		model.addAttribute("email", form.email());
		return "portal/registered";
	}

	/**
	 * The e-mailed link: asks its holder for the password; opening it changes nothing.
	 */
	@GetMapping("/portal/confirm")
	String confirmation(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		if (!this.accounts.pending(token)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("confirmed", false);
			return "portal/confirmed";
		}
		return confirmationForm(token, model, Map.of());
	}

	@PostMapping("/portal/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirmation, Model model, HttpServletResponse response) {
		boolean confirmed;
		try {
			confirmed = this.accounts.confirm(token, password, passwordConfirmation).isPresent();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return confirmationForm(token, model, FormErrors.of(ex));
		}
		if (!confirmed) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("confirmed", confirmed);
		return "portal/confirmed";
	}

	private String confirmationForm(String token, Model model, Map<String, String> errors) {
		model.addAttribute("token", token);
		model.addAttribute("errors", errors);
		return "portal/confirm";
	}

	@GetMapping("/portal/enrolment")
	String enrolment(@AuthenticationPrincipal CurrentUser officer, Model model) {
		return enrolmentPage(officer, model, Map.of());
	}

	@PostMapping("/portal/enrolment")
	String enrol(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal CurrentUser officer,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		List<String> recoveryCodes;
		try {
			recoveryCodes = this.secondFactors.confirm(officer, code);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return enrolmentPage(officer, model, FormErrors.of(ex));
		}
		this.sessions.signIn(officer, true, request, response);
		model.addAttribute("recoveryCodes", recoveryCodes);
		model.addAttribute("next", "/portal/requests");
		model.addAttribute("realm", "portal");
		return "recovery-codes";
	}

	private String enrolmentPage(CurrentUser officer, Model model, Map<String, String> errors) {
		String email = this.agencies.findOfficer(officer.officerId()).orElseThrow().email();
		model.addAttribute("enrolment", this.secondFactors.begin(officer, email));
		model.addAttribute("errors", errors);
		model.addAttribute("action", "/portal/enrolment");
		model.addAttribute("realm", "portal");
		return "enrolment";
	}

}
