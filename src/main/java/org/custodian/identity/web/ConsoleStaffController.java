package org.custodian.identity.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.identity.StaffAccounts;
import org.custodian.shared.ConflictException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of staff users in the console.
 */
@Controller
@BrowserPage
class ConsoleStaffController {

	private final StaffAccounts staff;

	ConsoleStaffController(StaffAccounts staff) {
		this.staff = staff;
	}

	@GetMapping("/console/admin/staff")
	String list(Model model) {
		return page(model, Map.of(), Map.of(), List.of());
	}

	@PostMapping("/console/admin/staff")
	String create(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal CurrentUser admin,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		List<String> roles = form.getOrDefault("roles", List.of());
		try {
			this.staff.create(form.getFirst("email"), form.getFirst("name"), roles, form.getFirst("password"), admin);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, FormErrors.of(ex), form.toSingleValueMap(), roles);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(model, Map.of("email", ex.getMessage()), form.toSingleValueMap(), roles);
		}
		redirect.addFlashAttribute("done", "console.staff.created");
		return "redirect:/console/admin/staff";
	}

	private String page(Model model, Map<String, String> errors, Map<String, String> typed, List<String> roles) {
		model.addAttribute("members", this.staff.list());
		model.addAttribute("roles", Role.values());
		model.addAttribute("checkedRoles", roles);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "console/staff";
	}

}
