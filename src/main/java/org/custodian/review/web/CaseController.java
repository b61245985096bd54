package org.custodian.review.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.review.CaseQueries;
import org.custodian.review.Decision;
import org.custodian.review.ReplyAttachments;
import org.custodian.review.ReviewService;
import org.custodian.shared.RequestId;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The response team's API: the queue and the case.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

	private final CaseQueries queries;

	private final ReviewService review;

	private final Requests requests;

	private final ReplyAttachments attachments;

	CaseController(CaseQueries queries, ReviewService review, Requests requests, ReplyAttachments attachments) {
		this.queries = queries;
		this.review = review;
		this.requests = requests;
		this.attachments = attachments;
	}

	@GetMapping
	CaseQueries.Page queue(@RequestParam(required = false) String status,
			@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean dueSoon, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String after,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser staff) {
		return this.queries.queue(new CaseQueries.QueueFilter(status, jurisdiction, type, overdue, dueSoon, mine, q),
				sort, after, limit, staff);
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return this.queries.caseFile(new RequestId(id), staff);
	}

	@GetMapping("/{id}/document")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return DocumentResponse.of(this.requests, id, staff);
	}

	/** A PDF the officer attached to a reply. */
	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
			@AuthenticationPrincipal CurrentUser staff) {
		return DocumentResponse.attachment(this.attachments, id, attachmentId, staff);
	}

	@PostMapping("/{id}/assignment")
	Map<String, Object> assign(@PathVariable UUID id, @RequestBody AssignmentBody body,
			@AuthenticationPrincipal CurrentUser staff) {
		this.review.assign(new RequestId(id), body.reviewerId(), staff);
		return status(id);
	}

	@PostMapping("/{id}/decision")
	Map<String, Object> decide(@PathVariable UUID id, @RequestBody Decision.Form body,
			@AuthenticationPrincipal CurrentUser reviewer) {
		this.review.propose(new RequestId(id), body, reviewer);
		return status(id);
	}

	@PostMapping("/{id}/approval")
	Map<String, Object> approve(@PathVariable UUID id, @RequestBody ApprovalBody body,
			@AuthenticationPrincipal CurrentUser approver) {
		this.review.approve(new RequestId(id), body.approve(), body.comment(), approver);
		return status(id);
	}

	@PostMapping("/{id}/questions")
	Map<String, Object> ask(@PathVariable UUID id, @RequestBody QuestionBody body,
			@AuthenticationPrincipal CurrentUser reviewer) {
		this.review.askForInformation(new RequestId(id), body.question(), reviewer);
		return status(id);
	}

	@PostMapping("/{id}/sanctions-review")
	Map<String, Object> sanctionsReview(@PathVariable UUID id, @RequestBody SanctionsReviewBody body,
			@AuthenticationPrincipal CurrentUser admin) {
		this.review.reviewSanctionsHold(new RequestId(id), body.release(), body.note(), admin);
		return status(id);
	}

	@PostMapping("/{id}/human-rights-review")
	Map<String, Object> humanRightsReview(@PathVariable UUID id, @RequestBody HumanRightsBody body,
			@AuthenticationPrincipal CurrentUser lead) {
		this.review.recordHumanRightsReview(new RequestId(id), body.verdict(), body.note(), lead);
		return status(id);
	}

	private Map<String, Object> status(UUID id) {
		return Map.of("id", id, "status", this.review.statusOf(new RequestId(id)));
	}

	record AssignmentBody(UUID reviewerId) {
	}

	record ApprovalBody(Boolean approve, String comment) {
	}

	record QuestionBody(String question) {
	}

	record SanctionsReviewBody(Boolean release, String note) {
	}

	record HumanRightsBody(String verdict, String note) {
	}

}
