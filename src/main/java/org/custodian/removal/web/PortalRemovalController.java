package org.custodian.removal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.CurrentUser;
import org.custodian.removal.ItemKind;
import org.custodian.removal.RemovalBasis;
import org.custodian.removal.RemovalForm;
import org.custodian.removal.RemovalIntake;
import org.custodian.removal.RemovalQueries;
import org.custodian.removal.RemovalReason;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's removal requests: the submission form (the API's checks, each problem next
 * to its field with everything typed kept), the agency's list and a request's page with
 * its receipt and, per item, the decision and the effect given.
 */
@Controller
@BrowserPage
class PortalRemovalController {

	/** Item rows on the form; longer lists go through the API. */
	static final int ITEM_ROWS = 5;

	private final RemovalIntake intake;

	private final RemovalQueries queries;

	PortalRemovalController(RemovalIntake intake, RemovalQueries queries) {
		this.intake = intake;
		this.queries = queries;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("bases", RemovalBasis.values());
		model.addAttribute("reasons", RemovalReason.values());
		model.addAttribute("itemKinds", ItemKind.values());
		model.addAttribute("itemRows", ITEM_ROWS);
	}

	@GetMapping("/portal/removals")
	String list(@AuthenticationPrincipal CurrentUser officer, Model model) {
		model.addAttribute("requests", this.queries.list(officer, null));
		return "portal/removals";
	}

	@GetMapping("/portal/removals/new")
	String form(Model model) {
		model.addAttribute("typed", Map.of("idempotencyKey", UUID.randomUUID().toString()));
		model.addAttribute("errors", Map.of());
		return "portal/removal-submit";
	}

	@PostMapping("/portal/removals")
	String submit(@RequestParam MultiValueMap<String, String> fields,
			@RequestParam(name = "document", required = false) MultipartFile document,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		RemovalIntake.Receipt receipt;
		try {
			receipt = this.intake.submit(officer, form(fields), Uploads.chosen(document),
					fields.getFirst("idempotencyKey"));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("typed", fields.toSingleValueMap());
			model.addAttribute("documentLost", document != null && !document.isEmpty());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "portal/removal-submit";
		}
		redirect.addFlashAttribute("submitted", receipt.caseNumber());
		return "redirect:/portal/removals/" + receipt.id();
	}

	@GetMapping("/portal/removals/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, Model model) {
		model.addAttribute("request", this.queries.officerView(id, officer));
		return "portal/removal";
	}

	/** The form's fields as the API's request; blank item rows are left out. */
	private static RemovalForm form(MultiValueMap<String, String> fields) {
		List<RemovalForm.ItemForm> items = new ArrayList<>();
		for (int i = 0; i < ITEM_ROWS; i++) {
			String value = blankToNull(fields.getFirst("items[" + i + "].value"));
			if (value != null) {
				items.add(new RemovalForm.ItemForm(fields.getFirst("items[" + i + "].kind"), value));
			}
		}
		String scope = blankToNull(fields.getFirst("territorialScope"));
		List<String> codes = (scope != null)
				? Arrays.stream(scope.split("[,\\s]+")).filter((c) -> !c.isBlank()).toList() : List.of();
		return new RemovalForm(blankToNull(fields.getFirst("basis")), blankToNull(fields.getFirst("legalBasis")),
				blankToNull(fields.getFirst("issuingAuthority")), items, blankToNull(fields.getFirst("reason")),
				blankToNull(fields.getFirst("explanation")), codes, blankToNull(fields.getFirst("respondBy")));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
