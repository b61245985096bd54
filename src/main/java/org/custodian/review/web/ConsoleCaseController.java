package org.custodian.review.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.review.Assessment;
import org.custodian.review.CaseQueries;
import org.custodian.review.CaseStatus;
import org.custodian.review.Decision;
import org.custodian.review.Outcome;
import org.custodian.review.RejectionReason;
import org.custodian.review.ReplyAttachments;
import org.custodian.review.ReviewService;
import org.custodian.shared.DataCategory;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.ConsoleForms;

import org.springframework.http.ResponseEntity;
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
 * The console's queue and case page: the request, its screening, the structured
 * assessment, the decision and its approval by a second person.
 */
@Controller
@BrowserPage
class ConsoleCaseController {

	private static final int PAGE = 25;

	private final CaseQueries queries;

	private final ReviewService review;

	private final Requests requests;

	private final Clock clock;

	private final ReplyAttachments attachments;

	ConsoleCaseController(CaseQueries queries, ReviewService review, Requests requests, Clock clock,
			ReplyAttachments attachments) {
		this.attachments = attachments;
		this.clock = clock;
		this.queries = queries;
		this.review = review;
		this.requests = requests;
	}

	/**
	 * The queue; opened without filters it shows what is open, most urgent first
	 * (emergencies on top, then by due time).
	 */
	@GetMapping("/console/cases")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String jurisdiction,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "due") String sort,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean dueSoon, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) String after, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser staff, Model model) {
		// No status at all (a fresh queue) means the open ones; "Any" sends it empty.
		String shown = (status != null) ? status : "OPEN";
		CaseQueries.Page page = this.queries.queue(new CaseQueries.QueueFilter(blankToNull(shown),
				blankToNull(jurisdiction), blankToNull(type), overdue, dueSoon, mine, blankToNull(q)), sort,
				blankToNull(after), PAGE, staff);
		Instant now = Instant.now(this.clock);
		page.items().forEach((item) -> age(item, Duration.between((Instant) item.get("receivedAt"), now)));
		model.addAttribute("page", page);
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("status", shown);
		filter.put("jurisdiction", (jurisdiction != null) ? jurisdiction : "");
		filter.put("type", (type != null) ? type : "");
		filter.put("sort", sort);
		filter.put("overdue", overdue);
		filter.put("dueSoon", dueSoon);
		filter.put("mine", mine);
		filter.put("q", (q != null) ? q : "");
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("types", RequestType.values());
		return "console/queue";
	}

	/**
	 * A case's age in the coarsest unit that still says something: minutes, hours, days.
	 */
	private static void age(Map<String, Object> item, Duration age) {
		if (age.toHours() < 1) {
			item.put("ageUnit", "duration.minutes");
			item.put("ageCount", Math.max(0, age.toMinutes()));
		}
		else if (age.toHours() < 48) {
			item.put("ageUnit", "duration.hours");
			item.put("ageCount", age.toHours());
		}
		else {
			item.put("ageUnit", "duration.days");
			item.put("ageCount", age.toDays());
		}
	}

	@GetMapping("/console/cases/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff, Model model) {
		return page(id, staff, model, Map.of(), Map.of());
	}

	@GetMapping(path = "/console/cases/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return DocumentResponse.of(this.requests, id, staff);
	}

	/** A PDF the officer attached to a reply, opened from the case's questions. */
	@GetMapping(path = "/console/cases/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@AuthenticationPrincipal CurrentUser staff) {
		return DocumentResponse.attachment(this.attachments, id, attachmentId, staff);
	}

	@PostMapping("/console/cases/{id}/assignment")
	String assignToMe(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff, RedirectAttributes redirect) {
		this.review.assign(new RequestId(id), staff.id(), staff);
		redirect.addFlashAttribute("done", "console.case.assigned");
		return "redirect:/console/cases/" + id;
	}

	@PostMapping("/console/cases/{id}/decision")
	String propose(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> fields,
			@AuthenticationPrincipal CurrentUser reviewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return ConsoleForms.submit(() -> this.review.propose(new RequestId(id), decisionForm(fields), reviewer),
				(errors) -> page(id, reviewer, model, errors, fields.toSingleValueMap()), response, redirect,
				"console.case.proposed", "/console/cases/" + id);
	}

	@PostMapping("/console/cases/{id}/approval")
	String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict,
			@RequestParam(defaultValue = "") String comment, @AuthenticationPrincipal CurrentUser approver, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Boolean approve = ConsoleForms.approval(verdict);
		return ConsoleForms.submit(() -> this.review.approve(new RequestId(id), approve, comment, approver),
				(errors) -> page(id, approver, model, errors, Map.of("comment", comment)), response, redirect,
				Boolean.TRUE.equals(approve) ? "console.case.approved" : "console.case.returned",
				"/console/cases/" + id);
	}

	@PostMapping("/console/cases/{id}/questions")
	String ask(@PathVariable UUID id, @RequestParam(defaultValue = "") String question,
			@AuthenticationPrincipal CurrentUser reviewer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return ConsoleForms.submit(() -> this.review.askForInformation(new RequestId(id), question, reviewer),
				(errors) -> page(id, reviewer, model, errors, Map.of("question", question)), response, redirect,
				"console.case.asked", "/console/cases/" + id);
	}

	@SuppressWarnings("unchecked")
	private String page(UUID id, CurrentUser staff, Model model, Map<String, String> errors,
			Map<String, String> typed) {
		Map<String, Object> file = this.queries.caseFile(new RequestId(id), staff);
		CaseStatus status = CaseStatus.valueOf((String) file.get("status"));
		List<Map<String, Object>> decisions = (List<Map<String, Object>>) file.get("decisions");
		Map<String, Object> pending = (status == CaseStatus.PENDING_APPROVAL && !decisions.isEmpty())
				? decisions.get(decisions.size() - 1) : null;
		model.addAttribute("file", file);
		model.addAttribute("pending", pending);
		// Four eyes: the proposer is not offered the approval; the service refuses it
		// too.
		model.addAttribute("may", CaseActions.of(staff, status, file.get("assigneeId"), pending));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("rejectionReasons", RejectionReason.values());
		model.addAttribute("considerations", Assessment.Consideration.values());
		model.addAttribute("verdicts", Assessment.Verdict.values());
		model.addAttribute("categoryChoices", DataCategory.values());
		return "console/case";
	}

	/**
	 * The assessment form's fields ({@code assessment.legality.verdict}, …) as the
	 * decision's shape.
	 */
	private static Decision.Form decisionForm(MultiValueMap<String, String> fields) {
		List<String> categories = fields.getOrDefault("categories", List.of());
		return new Decision.Form(fields.getFirst("outcome"), categories, fields.getFirst("reason"),
				blankToNull(fields.getFirst("rejectionReason")), Decision.FindingForm.fromFields(fields::getFirst));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
