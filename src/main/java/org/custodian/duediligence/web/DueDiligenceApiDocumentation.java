package org.custodian.duediligence.web;

import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.custodian.duediligence.DueDiligenceDecision;
import org.custodian.duediligence.RiskLevel;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The codes the due-diligence API accepts, for its API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DueDiligenceApiDocumentation {

	@Bean
	OpenApiCustomizer dueDiligenceCodes() {
		return ApiSchemas
			.enums(Map.of("Conclusion.decision", DueDiligenceDecision.class, "RiskBody.level", RiskLevel.class));
	}

	@Bean
	OpenApiCustomizer dueDiligenceAnswers() {
		Schema<?> assessment = ApiSchemas.object("A due-diligence assessment", "id:uuid", "jurisdiction", "subject",
				"triggerDate", "status", "authorId:uuid", "findings:object", "decision", "rationale", "conditions",
				"createdAt:date-time", "concludedBy:uuid", "signedOffBy:uuid", "consultations:array");
		return ApiSchemas.responses(Map.of("POST /api/v1/assessments", assessment, "GET /api/v1/assessments/{id}",
				assessment, "POST /api/v1/assessments/{id}/consultations", assessment,
				"POST /api/v1/assessments/{id}/conclusion", assessment, "POST /api/v1/assessments/{id}/sign-off",
				assessment, "PUT /api/v1/jurisdictions/{code}/risk",
				ApiSchemas.object("The jurisdiction's risk level", "jurisdiction", "riskLevel")));
	}

}
