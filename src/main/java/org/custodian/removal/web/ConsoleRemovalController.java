package org.custodian.removal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.CurrentUser;
import org.custodian.removal.AppealOutcome;
import org.custodian.removal.ItemDecision;
import org.custodian.removal.NoActionReason;
import org.custodian.removal.RemovalAppeals;
import org.custodian.removal.RemovalProposalForm;
import org.custodian.removal.RemovalQueries;
import org.custodian.removal.RemovalReview;
import org.custodian.removal.RemovalStatus;
import org.custodian.removal.RemovalViews;
import org.custodian.review.Assessment;
import org.custodian.review.Decision;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.ConsoleForms;

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
 * open item, the approval by a second person, the human-rights lead's assessment and the
 * decision on each holder's appeal.
 */
@Controller
@BrowserPage
class ConsoleRemovalController {

	private final RemovalQueries queries;

	private final RemovalReview review;

	private final RemovalAppeals appeals;

	ConsoleRemovalController(RemovalQueries queries, RemovalReview review, RemovalAppeals appeals) {
		this.queries = queries;
		this.review = review;
		this.appeals = appeals;
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
		return ConsoleForms.submit(() -> this.review.propose(id, proposal(fields), reviewer),
				(errors) -> page(id, reviewer, model, errors, fields.toSingleValueMap()), response, redirect,
				"console.removal.proposed", "/console/removals/" + id);
	}

	@PostMapping("/console/removals/{id}/approval")
	String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict,
			@RequestParam(defaultValue = "") String comment, @AuthenticationPrincipal CurrentUser approver, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Boolean approve = ConsoleForms.approval(verdict);
		return ConsoleForms.submit(() -> this.review.approve(id, approve, comment, approver),
				(errors) -> page(id, approver, model, errors, Map.of("comment", comment)), response, redirect,
				Boolean.TRUE.equals(approve) ? "console.removal.approved" : "console.removal.returned",
				"/console/removals/" + id);
	}

	@PostMapping("/console/removals/{id}/human-rights-review")
	String humanRightsReview(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict,
			@RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CurrentUser lead, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return ConsoleForms.submit(() -> this.review.recordHumanRightsReview(id, verdict, note, lead),
				(errors) -> page(id, lead, model, errors, Map.of("note", note)), response, redirect,
				"console.removal.assessed", "/console/removals/" + id);
	}

	/**
	 * Decides a holder's appeal (uphold or restore). Whoever proposed or approved the
	 * item's decision is refused by the use case: the page says so (403) and nothing
	 * changes.
	 */
	@PostMapping("/console/removals/{id}/appeals/{appealId}/decision")
	String decideAppeal(@PathVariable UUID id, @PathVariable UUID appealId,
			@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal CurrentUser staff, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> typed = Map.of("appealId", appealId.toString(), "appealOutcome", outcome, "appealReason",
				reason);
		try {
			return ConsoleForms.submit(() -> this.appeals.decide(id, appealId, outcome, reason, staff),
					(errors) -> page(id, staff, model, errors, typed), response, redirect,
					"console.removal.appealDecided", "/console/removals/" + id);
		}
		catch (ForbiddenException ex) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("refused", ex.getMessage());
			return page(id, staff, model, Map.of(), typed);
		}
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
		model.addAttribute("appealOutcomes", AppealOutcome.values());
		model.addAttribute("itemsById",
				view.items().stream().collect(Collectors.toMap(RemovalViews.StaffItem::id, Function.identity())));
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
		return new RemovalProposalForm(items, fields.getFirst("reason"),
				Decision.FindingForm.fromFields(fields::getFirst));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
