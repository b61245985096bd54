package org.custodian.review.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.intake.IntakeService;
import org.custodian.review.CaseQueries;
import org.custodian.review.ReviewService;
import org.custodian.review.StatusHistory;
import org.custodian.shared.RequestId;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An officer following their agency's requests: status, hold reason, questions, decision.
 */
@RestController
@RequestMapping("/api/v1/requests")
class OfficerRequestController {

	private final CaseQueries queries;

	private final ReviewService review;

	private final StatusHistory history;

	private final IntakeService intake;

	OfficerRequestController(CaseQueries queries, ReviewService review, StatusHistory history, IntakeService intake) {
		this.queries = queries;
		this.review = review;
		this.history = history;
		this.intake = intake;
	}

	@GetMapping
	CaseQueries.Page list(@RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
			@AuthenticationPrincipal CurrentUser officer) {
		return this.queries.officerList(officer, after, limit);
	}

	/** The request, with its status history (its steps, oldest first). */
	@GetMapping("/{id}")
	Map<String, Object> get(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer) {
		Map<String, Object> view = this.queries.officerView(new RequestId(id), officer);
		view.put("history", this.history.of(new RequestId(id), officer));
		return view;
	}

	@PostMapping("/{id}/withdrawal")
	Map<String, Object> withdraw(@PathVariable UUID id, @RequestBody(required = false) ReasonBody body,
			@AuthenticationPrincipal CurrentUser officer) {
		this.review.withdraw(new RequestId(id), (body != null) ? body.reason() : null, officer);
		return this.queries.officerView(new RequestId(id), officer);
	}

	@PostMapping(path = "/{id}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> answer(@PathVariable UUID id, @RequestBody AnswerBody body,
			@AuthenticationPrincipal CurrentUser officer) {
		this.review.answer(new RequestId(id), body.answer(), officer);
		return this.queries.officerView(new RequestId(id), officer);
	}

	/**
	 * The reply with a PDF, as a submission sends its document: part {@code request}
	 * ({@code {"answer": …}}) and part {@code document}.
	 */
	@PostMapping(path = "/{id}/answers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Map<String, Object> answerWithDocument(@PathVariable UUID id, @RequestPart("request") String request,
			@RequestPart(name = "document", required = false) MultipartFile document,
			@AuthenticationPrincipal CurrentUser officer) {
		AnswerBody body = this.intake.parse(request, AnswerBody.class);
		this.review.answer(new RequestId(id), body.answer(), IntakeService.Upload.of(document), officer);
		return this.queries.officerView(new RequestId(id), officer);
	}

	record ReasonBody(String reason) {
	}

	record AnswerBody(String answer) {
	}

}
