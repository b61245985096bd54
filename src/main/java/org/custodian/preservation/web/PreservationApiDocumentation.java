package org.custodian.preservation.web;

import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The answers of the preservation API, for its API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PreservationApiDocumentation {

	@Bean
	OpenApiCustomizer preservationAnswers() {
		Schema<?> preservation = ApiSchemas.object("The request's preservation", "status", "snapshotAt:date-time",
				"expiresAt:date-time", "extended:boolean", "records:integer");
		return ApiSchemas.responses(Map.of("POST /api/v1/requests/{id}/preservation/extension", preservation,
				"GET /api/v1/cases/{id}/preservation", preservation,
				"POST /api/v1/requests/{id}/preservation-reference", ApiSchemas
					.object("The preservation a request refers to", "requestId:uuid", "preservationRequestId:uuid")));
	}

}
