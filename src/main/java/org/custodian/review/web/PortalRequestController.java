package org.custodian.review.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.agency.Agencies;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.IntakeService;
import org.custodian.intake.Requests;
import org.custodian.review.CaseQueries;
import org.custodian.review.CaseStatus;
import org.custodian.review.Delegations;
import org.custodian.review.ReplyAttachments;
import org.custodian.review.ReviewService;
import org.custodian.review.StatusHistory;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My requests" in the portal: the officer's own requests and those delegated to them;
 * one request with its status, hold reason, questions and decision; the reply box,
 * withdrawal and delegation for those who may act on it.
 */
@Controller
@BrowserPage
class PortalRequestController {

	private final CaseQueries queries;

	private final ReviewService review;

	private final Requests requests;

	private final Delegations delegations;

	private final StatusHistory history;

	private final HistoryLines historyLines;

	private final ReplyAttachments attachments;

	PortalRequestController(CaseQueries queries, ReviewService review, Requests requests, Delegations delegations,
			StatusHistory history, HistoryLines historyLines, ReplyAttachments attachments) {
		this.queries = queries;
		this.review = review;
		this.requests = requests;
		this.delegations = delegations;
		this.history = history;
		this.historyLines = historyLines;
		this.attachments = attachments;
	}

	@GetMapping("/portal/requests")
	String list(@RequestParam(required = false) String after, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String status, @AuthenticationPrincipal CurrentUser officer, Model model) {
		model.addAttribute("page", this.delegations.myRequests(officer, q.isBlank() ? null : q,
				status.isBlank() ? null : status, after, 25));
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("statuses", CaseStatus.values());
		return "portal/requests";
	}

	@GetMapping("/portal/requests/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, Model model) {
		return page(id, officer, model, Map.of(), "", "");
	}

	/** The PDF the officer's agency submitted, for the owner and delegates. */
	@GetMapping("/portal/requests/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer) {
		return DocumentResponse.pdf(id, this.delegations.submittedDocument(new RequestId(id), officer));
	}

	/**
	 * The request's status history, for the owner and delegates: the page loads it with
	 * htmx (a colleague without access 403, another agency 404).
	 */
	@GetMapping("/portal/requests/{id}/history")
	String history(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, Model model) {
		model.addAttribute("lines", this.historyLines.of(this.history.of(new RequestId(id), officer)));
		return "portal/history :: history";
	}

	/** A PDF attached to one of the request's replies, for the owner and delegates. */
	@GetMapping("/portal/requests/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@AuthenticationPrincipal CurrentUser officer) {
		return DocumentResponse.pdf(attachmentId,
				this.attachments.forOfficer(new RequestId(id), attachmentId, officer));
	}

	@PostMapping("/portal/requests/{id}/answer")
	String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer,
			@RequestParam(name = "document", required = false) MultipartFile document,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.review.answer(new RequestId(id), answer, IntakeService.Upload.of(document), officer);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("documentLost", document != null && !document.isEmpty());
			return page(id, officer, model, FormErrors.of(ex), answer, "");
		}
		redirect.addFlashAttribute("done", "portal.request.answered");
		return "redirect:/portal/requests/" + id;
	}

	@PostMapping("/portal/requests/{id}/withdrawal")
	String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal CurrentUser officer, RedirectAttributes redirect) {
		this.review.withdraw(new RequestId(id), reason, officer);
		redirect.addFlashAttribute("done", "portal.request.withdrawn");
		return "redirect:/portal/requests/" + id;
	}

	@PostMapping("/portal/requests/{id}/delegations")
	String delegate(@PathVariable UUID id, @RequestParam(defaultValue = "") String email,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Agencies.OfficerView colleague = this.delegations.delegate(new RequestId(id), email, officer);
			redirect.addFlashAttribute("delegatedTo", colleague.name());
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(id, officer, model, FormErrors.of(ex), "", email);
		}
		return "redirect:/portal/requests/" + id;
	}

	@PostMapping("/portal/requests/{id}/delegations/{officerId}/revocation")
	String revoke(@PathVariable UUID id, @PathVariable UUID officerId, @AuthenticationPrincipal CurrentUser officer,
			RedirectAttributes redirect) {
		this.delegations.revoke(new RequestId(id), new OfficerId(officerId), officer);
		redirect.addFlashAttribute("done", "portal.delegation.revoked");
		return "redirect:/portal/requests/" + id;
	}

	private String page(UUID id, CurrentUser officer, Model model, Map<String, String> errors, String answer,
			String email) {
		Map<String, Object> view = this.queries.officerView(new RequestId(id), officer);
		CaseStatus status = CaseStatus.valueOf((String) view.get("status"));
		Delegations.Access access = this.delegations.access(new RequestId(id), officer);
		boolean mayAct = access != Delegations.Access.NONE;
		model.addAttribute("view", view);
		model.addAttribute("request", this.requests.find(new RequestId(id)).orElseThrow());
		model.addAttribute("access", access.name());
		// The same rows and relationship the use cases require (ReviewService.answer,
		// withdraw).
		model.addAttribute("canAnswer",
				officer.may(Action.ANSWER_QUESTION) && mayAct && status == CaseStatus.NEEDS_INFO);
		model.addAttribute("canWithdraw",
				officer.may(Action.WITHDRAW_REQUEST) && mayAct && status.canMoveTo(CaseStatus.WITHDRAWN));
		model.addAttribute("delegates", (officer.may(Action.DELEGATE_REQUEST) && access == Delegations.Access.OWNER)
				? this.delegations.delegates(new RequestId(id)) : List.of());
		model.addAttribute("errors", errors);
		model.addAttribute("answer", answer);
		model.addAttribute("email", email);
		return "portal/request";
	}

}
