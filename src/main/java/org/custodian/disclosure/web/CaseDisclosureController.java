package org.custodian.disclosure.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.disclosure.EmergencyChecks;
import org.custodian.disclosure.ProductionService;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.RequestId;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's side: a case's production (status, attempts, failures) and the emergency
 * callback.
 */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseDisclosureController {

	private final ProductionService productions;

	private final EmergencyChecks emergencies;

	CaseDisclosureController(ProductionService productions, EmergencyChecks emergencies) {
		this.productions = productions;
		this.emergencies = emergencies;
	}

	@GetMapping("/production")
	Map<String, Object> production(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return this.productions.staffView(new RequestId(id), staff);
	}

	@PostMapping("/emergency-verification")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> verify(@PathVariable UUID id, @RequestBody CallbackBody body,
			@AuthenticationPrincipal CurrentUser staff) {
		return this.emergencies.recordCallback(new RequestId(id), body.calledNumber(), body.confirmed(), body.notes(),
				staff);
	}

	@GetMapping("/emergency-verification")
	Object callbacks(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return Map.of("callbacks", this.emergencies.callbacks(new RequestId(id), staff));
	}

	record CallbackBody(String calledNumber, Boolean confirmed, String notes) {
	}

}
