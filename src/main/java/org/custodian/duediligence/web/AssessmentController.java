package org.custodian.duediligence.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.duediligence.Assessments;
import org.custodian.duediligence.RiskLevel;
import org.custodian.duediligence.RiskLevels;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AssessmentController {

	private final Assessments assessments;

	private final RiskLevels risks;

	AssessmentController(Assessments assessments, RiskLevels risks) {
		this.assessments = assessments;
		this.risks = risks;
	}

	@PostMapping("/assessments")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> open(@RequestBody NewAssessment body, @AuthenticationPrincipal CurrentUser lead) {
		UUID id = this.assessments.open(body.jurisdiction(), body.subject(), body.triggerDate(), lead);
		return get(id);
	}

	@GetMapping("/assessments/{id}")
	Map<String, Object> get(@PathVariable UUID id) {
		return this.assessments.find(id).orElseThrow(() -> new NotFoundException("No assessment with this id."));
	}

	@PostMapping("/assessments/{id}/consultations")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> consult(@PathVariable UUID id, @RequestBody Assessments.Consultation body,
			@AuthenticationPrincipal CurrentUser lead) {
		this.assessments.consult(id, body, lead);
		return get(id);
	}

	@PostMapping("/assessments/{id}/conclusion")
	Map<String, Object> conclude(@PathVariable UUID id, @RequestBody Assessments.Conclusion body,
			@AuthenticationPrincipal CurrentUser lead) {
		this.assessments.conclude(id, body, lead);
		return get(id);
	}

	@PostMapping("/assessments/{id}/sign-off")
	Map<String, Object> signOff(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser lead) {
		this.assessments.signOff(id, lead);
		return get(id);
	}

	@PutMapping("/jurisdictions/{code}/risk")
	Map<String, Object> risk(@PathVariable String code, @RequestBody RiskBody body,
			@AuthenticationPrincipal CurrentUser user) {
		if (!Jurisdiction.isValid(code)) {
			throw new InvalidInputException("code", "must be an ISO 3166-1 alpha-2 code");
		}
		RiskLevel level = this.risks.set(Jurisdiction.of(code), body.level(), body.reason(), user);
		return Map.of("jurisdiction", Jurisdiction.of(code).code(), "riskLevel", level.name());
	}

	record NewAssessment(String jurisdiction, String subject, String triggerDate) {
	}

	record RiskBody(String level, String reason) {
	}

}
