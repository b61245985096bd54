package org.custodian.disclosure.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.agency.Agencies;
import org.custodian.disclosure.NotificationKind;
import org.custodian.disclosure.NotificationPreferences;
import org.custodian.identity.CurrentUser;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Notifications" in the portal: the e-mails the officer was sent, and their settings
 * (language, the kinds they may turn off).
 */
@Controller
@BrowserPage
class PortalNotificationController {

	private final NotificationPreferences preferences;

	PortalNotificationController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/portal/notifications")
	String show(@AuthenticationPrincipal CurrentUser officer, Model model) {
		return page(officer, model, Map.of());
	}

	@PostMapping("/portal/notifications/settings")
	String change(@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") List<String> kinds,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.preferences.change(officer, language, kinds);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(officer, model, FormErrors.of(ex));
		}
		redirect.addFlashAttribute("done", "portal.notifications.saved");
		return "redirect:/portal/notifications";
	}

	private String page(CurrentUser officer, Model model, Map<String, String> errors) {
		model.addAttribute("sent", this.preferences.sent(officer, 100));
		model.addAttribute("settings", this.preferences.settings(officer));
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("languages", Agencies.LANGUAGES);
		model.addAttribute("errors", errors);
		return "portal/notifications";
	}

}
