package org.custodian.disclosure.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.disclosure.EmergencyFollowUps;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.RequestId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officer names the legal-process request that follows up an emergency disclosure.
 */
@RestController
class FollowUpController {

	private final EmergencyFollowUps followUps;

	FollowUpController(EmergencyFollowUps followUps) {
		this.followUps = followUps;
	}

	@PostMapping("/api/v1/requests/{id}/emergency-follow-up")
	Map<String, Object> followUp(@PathVariable UUID id, @RequestBody FollowUpBody body,
			@AuthenticationPrincipal CurrentUser officer) {
		return this.followUps.followUp(new RequestId(id), body.emergencyRequestId(), officer);
	}

	record FollowUpBody(UUID emergencyRequestId) {
	}

}
