package org.custodian.identity.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.CurrentUser;
import org.custodian.identity.SecondFactors;
import org.custodian.identity.StaffAccounts;
import org.custodian.identity.StaffSignIn;
import org.custodian.identity.WebSessions;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in and the enrolment of a staff member's second factor.
 */
@Controller
@BrowserPage
class ConsoleLoginController {

	private final StaffSignIn signIn;

	private final StaffAccounts staff;

	private final SecondFactors secondFactors;

	private final WebSessions sessions;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	ConsoleLoginController(StaffSignIn signIn, StaffAccounts staff, SecondFactors secondFactors, WebSessions sessions,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.registrations = registrations;
		this.signIn = signIn;
		this.staff = staff;
		this.secondFactors = secondFactors;
		this.sessions = sessions;
	}

	@GetMapping("/console")
	String home() {
		return "redirect:/console/cases";
	}

	@GetMapping("/console/login")
	String login(Model model) {
		ClientRegistrationRepository repository = this.registrations.getIfAvailable();
		model.addAttribute("singleSignOn", (repository instanceof Iterable<?> all) ? all : List.of());
		return "console/login";
	}

	/**
	 * After the identity provider's sign-in, when Custodian still asks its own second
	 * factor.
	 */
	@GetMapping("/console/second-factor")
	String secondFactor() {
		return "console/second-factor";
	}

	@PostMapping("/console/second-factor")
	String giveSecondFactor(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!this.secondFactors.verify(user, code)) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("failed", true);
			return "console/second-factor";
		}
		this.sessions.signIn(user, true, request, response);
		return "redirect:/console/cases";
	}

	@PostMapping("/console/login")
	String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return this.sessions.answer(this.signIn.signIn(email, password, code), "console", "/console/cases", email,
				model, request, response);
	}

	@GetMapping("/console/enrolment")
	String enrolment(@AuthenticationPrincipal CurrentUser user, Model model) {
		return enrolmentPage(user, model, Map.of());
	}

	@PostMapping("/console/enrolment")
	String enrol(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		List<String> recoveryCodes;
		try {
			recoveryCodes = this.secondFactors.confirm(user, code);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return enrolmentPage(user, model, FormErrors.of(ex));
		}
		this.sessions.signIn(user, true, request, response);
		model.addAttribute("recoveryCodes", recoveryCodes);
		model.addAttribute("next", "/console/cases");
		model.addAttribute("realm", "console");
		return "recovery-codes";
	}

	private String enrolmentPage(CurrentUser user, Model model, Map<String, String> errors) {
		String email = this.staff.find(user.staffId()).orElseThrow().email();
		model.addAttribute("enrolment", this.secondFactors.begin(user, email));
		model.addAttribute("errors", errors);
		model.addAttribute("action", "/console/enrolment");
		model.addAttribute("realm", "console");
		return "enrolment";
	}

}
