package org.custodian.agency.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.agency.Agencies;
import org.custodian.agency.Agencies.AgencyView;
import org.custodian.identity.ApiTokens;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.TokenOwner;
import org.custodian.shared.AgencyId;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.OfficerId;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AgencyController {

	private final Agencies agencies;

	private final ApiTokens tokens;

	AgencyController(Agencies agencies, ApiTokens tokens) {
		this.agencies = agencies;
		this.tokens = tokens;
	}

	@PostMapping("/agencies")
	@ResponseStatus(HttpStatus.CREATED)
	AgencyResponse register(@RequestBody Agencies.NewAgency body, @AuthenticationPrincipal CurrentUser admin) {
		AgencyId id = this.agencies.register(body, admin);
		return AgencyResponse.of(this.agencies.find(id).orElseThrow());
	}

	@GetMapping("/agencies/{id}")
	AgencyResponse get(@PathVariable UUID id) {
		return AgencyResponse.of(find(new AgencyId(id)));
	}

	@PostMapping("/agencies/{id}/verification")
	AgencyResponse verify(@PathVariable UUID id, @RequestBody(required = false) StatusChange body,
			@AuthenticationPrincipal CurrentUser admin) {
		StatusChange change = (body != null) ? body : new StatusChange(null, null);
		return AgencyResponse.of(this.agencies.changeStatus(new AgencyId(id), change.status(), change.reason(), admin));
	}

	@PostMapping("/agencies/{id}/officers")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addOfficer(@PathVariable UUID id, @RequestBody NewOfficer body,
			@AuthenticationPrincipal CurrentUser admin) {
		OfficerId officer = this.agencies.addOfficer(new AgencyId(id), body.email(), body.name(), body.title(), admin);
		return Map.of("id", officer.value(), "agencyId", id);
	}

	@PostMapping("/officers/{id}/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> issueToken(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin) {
		Agencies.OfficerView officer = this.agencies.findOfficer(new OfficerId(id))
			.orElseThrow(() -> new NotFoundException("No officer with this id."));
		ApiTokens.IssuedToken issued = this.tokens.issue(TokenOwner.officer(officer.id(), officer.agencyId()), "api",
				admin);
		return Map.of("id", issued.id(), "token", issued.token());
	}

	private AgencyView find(AgencyId id) {
		return this.agencies.find(id).orElseThrow(() -> new NotFoundException("No agency with this id."));
	}

	record StatusChange(String status, String reason) {
	}

	record NewOfficer(String email, String name, String title) {
	}

	record AgencyResponse(UUID id, String name, String jurisdiction, String kind, List<String> emailDomains,
			String callbackPhone, String status, String statusReason, List<String> publicMailDomains) {

		static AgencyResponse of(AgencyView agency) {
			return new AgencyResponse(agency.id().value(), agency.name(), agency.jurisdiction().code(),
					agency.kind().name(), agency.emailDomains(), agency.callbackPhone(), agency.status().name(),
					agency.statusReason(), agency.publicMailDomains());
		}

	}

}
