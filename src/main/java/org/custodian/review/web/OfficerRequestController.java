package org.custodian.review.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.review.CaseQueries;
import org.custodian.review.ReviewService;
import org.custodian.shared.RequestId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An officer following their agency's requests: status, hold reason, questions, decision.
 */
@RestController
@RequestMapping("/api/v1/requests")
class OfficerRequestController {

	private final CaseQueries queries;

	private final ReviewService review;

	OfficerRequestController(CaseQueries queries, ReviewService review) {
		this.queries = queries;
		this.review = review;
	}

	@GetMapping
	CaseQueries.Page list(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
			@AuthenticationPrincipal CurrentUser officer) {
		return this.queries.officerList(officer, after, limit);
	}

	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer) {
		return this.queries.officerView(new RequestId(id), officer);
	}

	@PostMapping("/{id}/withdrawal")
	Map<String, Object> withdraw(@PathVariable UUID id, @RequestBody(required = false) ReasonBody body,
			@AuthenticationPrincipal CurrentUser officer) {
		this.review.withdraw(new RequestId(id), (body != null) ? body.reason() : null, officer);
		return this.queries.officerView(new RequestId(id), officer);
	}

	@PostMapping("/{id}/answers")
	Map<String, Object> answer(@PathVariable UUID id, @RequestBody AnswerBody body,
			@AuthenticationPrincipal CurrentUser officer) {
		this.review.answer(new RequestId(id), body.answer(), officer);
		return this.queries.officerView(new RequestId(id), officer);
	}

	record ReasonBody(String reason) {
	}

	record AnswerBody(String answer) {
	}

}
