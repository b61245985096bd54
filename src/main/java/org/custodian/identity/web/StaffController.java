package org.custodian.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.ApiTokens;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.StaffAccounts;
import org.custodian.identity.TokenOwner;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.StaffId;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class StaffController {

	private final StaffAccounts staff;

	private final ApiTokens tokens;

	StaffController(StaffAccounts staff, ApiTokens tokens) {
		this.staff = staff;
		this.tokens = tokens;
	}

	@PostMapping("/staff")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody NewStaff body, @AuthenticationPrincipal CurrentUser admin) {
		StaffId id = this.staff.create(body.email(), body.name(), body.roles(), body.password(), admin);
		return Map.of("id", id.value());
	}

	@PostMapping("/staff/{id}/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> issueToken(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		StaffId staffId = new StaffId(id);
		this.staff.find(staffId).orElseThrow(() -> new NotFoundException("No staff user with this id."));
		ApiTokens.IssuedToken issued = this.tokens.issue(TokenOwner.staff(staffId), "api", admin);
		return Map.of("id", issued.id(), "token", issued.token());
	}

	@PostMapping("/tokens/{id}/revocation")
	Map<String, Object> revoke(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		this.tokens.revoke(id, admin);
		return Map.of("id", id, "revoked", true);
	}

	record NewStaff(String email, String name, List<String> roles, String password) {
	}

}
