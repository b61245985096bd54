package org.custodian.review.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.policy.PauseDecisions;
import org.custodian.policy.PauseLiftings;
import org.custodian.policy.Pauses;
import org.custodian.review.PauseEnforcement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jurisdiction pauses under four eyes: preview, propose (or enact at once if urgent),
 * confirm, review an urgent one, decline; propose, confirm or decline a lifting. The
 * pause itself is policy; what it does to requests is review's, hence this controller
 * here.
 */
@RestController
@RequestMapping("/api/v1/pauses")
class PauseController {

	private final PauseEnforcement enforcement;

	private final PauseDecisions decisions;

	private final PauseLiftings liftings;

	PauseController(PauseEnforcement enforcement, PauseDecisions decisions, PauseLiftings liftings) {
		this.enforcement = enforcement;
		this.decisions = decisions;
		this.liftings = liftings;
	}

	@PostMapping("/preview")
	Map<String, Object> preview(@RequestBody Pauses.PauseForm form, @AuthenticationPrincipal CurrentUser admin) {
		return this.enforcement.preview(form, admin);
	}

	/** 202 {id, status: PROPOSED}; urgent: 201 {id, held}. */
	@PostMapping
	ResponseEntity<PauseEnforcement.ProposalOutcome> propose(@RequestBody Pauses.PauseForm form,
			@AuthenticationPrincipal CurrentUser admin) {
		PauseEnforcement.ProposalOutcome outcome = this.enforcement.propose(form, admin);
		HttpStatus status = (outcome instanceof PauseEnforcement.Enacted) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status).body(outcome);
	}

	@PostMapping("/{id}/confirmation")
	@ResponseStatus(HttpStatus.CREATED)
	PauseEnforcement.Enacted confirm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		return this.enforcement.confirm(id, admin);
	}

	@PostMapping("/{id}/review")
	Map<String, Object> review(@PathVariable UUID id, @RequestBody(required = false) NoteBody body,
			@AuthenticationPrincipal CurrentUser admin) {
		var reviewed = this.decisions.review(id, (body != null) ? body.note() : null, admin);
		return Map.of("id", id, "review", "REVIEWED", "reviewedAt", reviewed.urgent().reviewedAt());
	}

	@PostMapping("/{id}/rejection")
	Map<String, Object> decline(@PathVariable UUID id, @RequestBody(required = false) ReasonBody body,
			@AuthenticationPrincipal CurrentUser admin) {
		return Map.of("id", id, "status", this.decisions.decline(id, reason(body), admin).name());
	}

	@PostMapping("/{id}/lifting")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> proposeLifting(@PathVariable UUID id, @RequestBody LiftingBody body,
			@AuthenticationPrincipal CurrentUser admin) {
		this.liftings.proposeLifting(id, body.rationale(), admin);
		return Map.of("id", id, "lifting", "PROPOSED");
	}

	@PostMapping("/{id}/lifting/confirmation")
	PauseEnforcement.Released confirmLifting(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		return this.enforcement.confirmLifting(id, admin);
	}

	@PostMapping("/{id}/lifting/rejection")
	Map<String, Object> declineLifting(@PathVariable UUID id, @RequestBody(required = false) ReasonBody body,
			@AuthenticationPrincipal CurrentUser admin) {
		this.liftings.declineLifting(id, reason(body), admin);
		return Map.of("id", id, "lifting", "DECLINED");
	}

	private static String reason(ReasonBody body) {
		return (body != null) ? body.reason() : null;
	}

	record LiftingBody(String rationale) {
	}

	record NoteBody(String note) {
	}

	record ReasonBody(String reason) {
	}

}
