package org.custodian.agency.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.agency.Agencies;
import org.custodian.agency.Agencies.NewAgency;
import org.custodian.agency.AgencyKind;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AgencyId;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of agencies in the console: register, verify, suspend.
 */
@Controller
@BrowserPage
class ConsoleAgencyController {

	private final Agencies agencies;

	ConsoleAgencyController(Agencies agencies) {
		this.agencies = agencies;
	}

	@GetMapping("/console/admin/agencies")
	String list(Model model) {
		return page(model, Map.of(), Map.of());
	}

	@PostMapping("/console/admin/agencies")
	String register(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser admin, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<String> domains = Arrays.stream(form.getOrDefault("emailDomains", "").split("[,\\s]+"))
			.filter((domain) -> !domain.isBlank())
			.toList();
		try {
			this.agencies.register(new NewAgency(form.get("name"), form.get("jurisdiction"), form.get("kind"), domains,
					form.get("callbackPhone")), admin);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, FormErrors.of(ex), form);
		}
		redirect.addFlashAttribute("done", "console.agencies.registered");
		return "redirect:/console/admin/agencies";
	}

	@PostMapping("/console/admin/agencies/{id}/status")
	String changeStatus(@PathVariable UUID id, @RequestParam String status,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		this.agencies.changeStatus(new AgencyId(id), status, reason, admin);
		redirect.addFlashAttribute("done", "console.agencies.changed");
		return "redirect:/console/admin/agencies";
	}

	private String page(Model model, Map<String, String> errors, Map<String, String> typed) {
		model.addAttribute("agencies", this.agencies.list());
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "console/agencies";
	}

}
