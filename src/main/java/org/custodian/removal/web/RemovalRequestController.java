package org.custodian.removal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.removal.RemovalForm;
import org.custodian.removal.RemovalIntake;
import org.custodian.removal.RemovalProposalForm;
import org.custodian.removal.RemovalQueries;
import org.custodian.removal.RemovalReview;
import org.custodian.removal.RemovalViews;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Removal requests over the API: an officer submits and follows their agency's; the
 * response team reads, decides item by item and approves.
 */
@RestController
@RequestMapping("/api/v1/removal-requests")
class RemovalRequestController {

	private final RemovalIntake intake;

	private final RemovalQueries queries;

	private final RemovalReview review;

	RemovalRequestController(RemovalIntake intake, RemovalQueries queries, RemovalReview review) {
		this.intake = intake;
		this.queries = queries;
		this.review = review;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> submit(@RequestBody RemovalForm form,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal CurrentUser officer) {
		return receipt(this.intake.submit(officer, form, null, idempotencyKey));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> submitWithDocument(@RequestPart("request") String request,
			@RequestPart(name = "document", required = false) MultipartFile document,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal CurrentUser officer) {
		RemovalForm form = this.intake.parse(request);
		return receipt(this.intake.submit(officer, form, Uploads.of(document), idempotencyKey));
	}

	@GetMapping
	List<RemovalViews.Summary> list(@RequestParam(required = false) String status,
			@AuthenticationPrincipal CurrentUser caller) {
		return this.queries.list(caller, status);
	}

	@GetMapping("/{id}")
	Object get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser caller) {
		return this.queries.view(id, caller);
	}

	@GetMapping("/{id}/items/{itemId}/statement-of-reasons")
	Map<String, Object> statementOfReasons(@PathVariable UUID id, @PathVariable UUID itemId,
			@AuthenticationPrincipal CurrentUser staff) {
		return this.queries.statementOfReasons(id, itemId, staff);
	}

	@PostMapping("/{id}/decision")
	ResponseEntity<Object> propose(@PathVariable UUID id, @RequestBody RemovalProposalForm form,
			@AuthenticationPrincipal CurrentUser reviewer) {
		this.review.propose(id, form, reviewer);
		return ResponseEntity.ok(this.queries.staffView(id, reviewer));
	}

	@PostMapping("/{id}/approval")
	Object approve(@PathVariable UUID id, @RequestBody ApprovalBody body,
			@AuthenticationPrincipal CurrentUser approver) {
		this.review.approve(id, body.approve(), body.comment(), approver);
		return this.queries.staffView(id, approver);
	}

	@PostMapping("/{id}/human-rights-review")
	Object humanRightsReview(@PathVariable UUID id, @RequestBody HumanRightsBody body,
			@AuthenticationPrincipal CurrentUser lead) {
		this.review.recordHumanRightsReview(id, body.verdict(), body.note(), lead);
		return this.queries.staffView(id, lead);
	}

	record ApprovalBody(Boolean approve, String comment) {
	}

	record HumanRightsBody(String verdict, String note) {
	}

	private static ResponseEntity<Map<String, Object>> receipt(RemovalIntake.Receipt receipt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", receipt.id());
		body.put("caseNumber", receipt.caseNumber());
		body.put("status", receipt.status().name());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/v1/removal-requests/" + receipt.id())
			.header("Idempotent-Replayed", Boolean.toString(receipt.replayed()))
			.body(body);
	}

}
