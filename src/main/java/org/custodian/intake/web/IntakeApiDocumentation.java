package org.custodian.intake.web;

import java.util.List;
import java.util.Map;

import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status a submission answers with, for the API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IntakeApiDocumentation {

	@Bean
	OpenApiCustomizer intakeStatuses() {
		return ApiSchemas.statuses(Map.of("POST /api/v1/requests", List.of("201")));
	}

	@Bean
	OpenApiCustomizer intakeAnswers() {
		return ApiSchemas.responses(Map.of("POST /api/v1/requests",
				ApiSchemas.object("The received request", "id:uuid", "caseNumber", "status")));
	}

}
