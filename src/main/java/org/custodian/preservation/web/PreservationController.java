package org.custodian.preservation.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.preservation.Preservations;
import org.custodian.shared.RequestId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Preservation over HTTP: the officer extends a preservation or references it from a
 * legal-process request; staff read a case's snapshot status.
 */
@RestController
class PreservationController {

	private final Preservations preservations;

	PreservationController(Preservations preservations) {
		this.preservations = preservations;
	}

	@PostMapping("/api/v1/requests/{id}/preservation/extension")
	Map<String, Object> extend(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer) {
		return this.preservations.extend(new RequestId(id), officer);
	}

	@PostMapping("/api/v1/requests/{id}/preservation-reference")
	Map<String, Object> reference(@PathVariable UUID id, @RequestBody ReferenceBody body,
			@AuthenticationPrincipal CurrentUser officer) {
		return this.preservations.reference(new RequestId(id), body.preservationRequestId(), officer);
	}

	@GetMapping("/api/v1/cases/{id}/preservation")
	Map<String, Object> view(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return this.preservations.view(new RequestId(id), staff);
	}

	record ReferenceBody(UUID preservationRequestId) {
	}

}
