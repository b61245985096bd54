package org.custodian.review.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.policy.Pauses;
import org.custodian.review.PauseEnforcement;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jurisdiction pauses: preview, enact, lift. The pause itself is policy; what it does to
 * requests is review's, hence this controller here.
 */
@RestController
@RequestMapping("/api/v1/pauses")
class PauseController {

	private final PauseEnforcement enforcement;

	PauseController(PauseEnforcement enforcement) {
		this.enforcement = enforcement;
	}

	@PostMapping("/preview")
	Map<String, Object> preview(@RequestBody Pauses.PauseForm form, @AuthenticationPrincipal CurrentUser admin) {
		return this.enforcement.preview(form, admin);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> enact(@RequestBody Pauses.PauseForm form, @AuthenticationPrincipal CurrentUser admin) {
		return this.enforcement.enact(form, admin);
	}

	@PostMapping("/{id}/lifting")
	Map<String, Object> lift(@PathVariable UUID id, @RequestBody LiftingBody body,
			@AuthenticationPrincipal CurrentUser admin) {
		return this.enforcement.lift(id, body.rationale(), admin);
	}

	record LiftingBody(String rationale) {
	}

}
