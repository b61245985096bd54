package org.custodian.removal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.CurrentUser;
import org.custodian.removal.ItemDecision;
import org.custodian.removal.NoActionReason;
import org.custodian.removal.RemovalProposalForm;
import org.custodian.removal.RemovalQueries;
import org.custodian.removal.RemovalReview;
import org.custodian.removal.RemovalStatus;
import org.custodian.removal.RemovalViews;
import org.custodian.review.Assessment;
import org.custodian.review.Decision;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's removal requests: the list, and a request's page with a decision for each
 * open item, the approval by a second person and the human-rights lead's assessment.
 */
@Controller
@BrowserPage
class ConsoleRemovalController {

	private final RemovalQueries queries;

	private final RemovalReview review;

	ConsoleRemovalController(RemovalQueries queries, RemovalReview review) {
		this.queries = queries;
		this.review = review;
	}

	@GetMapping("/console/removals")
	String list(@RequestParam(required = false) String status, @AuthenticationPrincipal CurrentUser staff,
			Model model) {
		String filter = (status == null || status.isBlank()) ? null : status;
		model.addAttribute("requests", this.queries.list(staff, filter));
		model.addAttribute("statuses", RemovalStatus.values());
		model.addAttribute("status", (filter != null) ? filter : "");
		return "console/removals";
	}

	@GetMapping("/console/removals/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff, Model model) {
		return page(id, staff, model, Map.of(), Map.of());
	}

	@PostMapping("/console/removals/{id}/decision")
	String propose(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields,
			@AuthenticationPrincipal CurrentUser reviewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.review.propose(id, proposal(fields), reviewer);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(id, reviewer, model, FormErrors.of(ex), fields.toSingleValueMap());
		}
		redirect.addFlashAttribute("done", "console.removal.proposed");
		return "redirect:/console/removals/" + id;
	}

	@PostMapping("/console/removals/{id}/approval")
	String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict,
			@RequestParam(defaultValue = "") String comment, @AuthenticationPrincipal CurrentUser approver, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Boolean approve = switch (verdict) {
			case "approve" -> true;
			case "return" -> false;
			default -> null;
		};
		try {
			this.review.approve(id, approve, comment, approver);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(id, approver, model, FormErrors.of(ex), Map.of("comment", comment));
		}
		redirect.addFlashAttribute("done",
				Boolean.TRUE.equals(approve) ? "console.removal.approved" : "console.removal.returned");
		return "redirect:/console/removals/" + id;
	}

	@PostMapping("/console/removals/{id}/human-rights-review")
	String humanRightsReview(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CurrentUser lead, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.review.recordHumanRightsReview(id, verdict, note, lead);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(id, lead, model, FormErrors.of(ex), Map.of("note", note));
		}
		redirect.addFlashAttribute("done", "console.removal.assessed");
		return "redirect:/console/removals/" + id;
	}

	private String page(UUID id, CurrentUser staff, Model model, Map<String, String> errors,
			Map<String, String> typed) {
		RemovalViews.StaffView view = this.queries.staffView(id, staff);
		model.addAttribute("file", view);
		model.addAttribute("may", RemovalActions.of(staff, view));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("decisions", ItemDecision.values());
		model.addAttribute("noActionReasons", NoActionReason.values());
		model.addAttribute("considerations", Assessment.Consideration.values());
		model.addAttribute("verdicts", Assessment.Verdict.values());
		return "console/removal";
	}

	/**
	 * The form's fields as a proposal: {@code decision.<itemId>} (blank: not in this
	 * proposal), {@code noActionReason.<itemId>}, the reason and the assessment.
	 */
	private static RemovalProposalForm proposal(MultiValueMap<String, String> fields) {
		List<RemovalProposalForm.ItemDecisionForm> items = new ArrayList<>();
		fields.forEach((name, values) -> {
			String value = values.isEmpty() ? null : values.get(0);
			if (name.startsWith("decision.") && value != null && !value.isBlank()) {
				String itemId = name.substring("decision.".length());
				String noAction = ItemDecision.NO_ACTION.name().equals(value)
						? blankToNull(fields.getFirst("noActionReason." + itemId)) : null;
				items.add(new RemovalProposalForm.ItemDecisionForm(itemId, value, noAction));
			}
		});
		Map<String, Decision.FindingForm> assessment = new LinkedHashMap<>();
		for (Assessment.Consideration consideration : Assessment.Consideration.values()) {
			String prefix = "assessment." + consideration.field();
			assessment.put(consideration.field(),
					new Decision.FindingForm(fields.getFirst(prefix + ".verdict"), fields.getFirst(prefix + ".note")));
		}
		return new RemovalProposalForm(items, fields.getFirst("reason"), assessment);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
