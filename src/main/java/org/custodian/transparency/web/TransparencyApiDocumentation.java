package org.custodian.transparency.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The status a confirmed publication answers with, for the API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class TransparencyApiDocumentation {

	@Bean
	OpenApiCustomizer transparencyStatuses() {
		return ApiSchemas.statuses(
				Map.of("POST /api/v1/transparency/reports/{period}/publications/{id}/confirmation", List.of("201")));
	}

	@Bean
	OpenApiCustomizer transparencyAnswers() {
		String[] published = { "id:uuid", "period", "publishedAt:date-time", "auditEventCount:integer", "auditHeadHash",
				"keyId" };
		Schema<?> proposal = ApiSchemas.object("A publication proposal", "id:uuid", "period", "status",
				"proposedAt:date-time");
		Schema<?> envelope = ApiSchemas.object("A signed, published report", published)
			.addProperty("signingKey", new StringSchema())
			.addProperty("report", new ObjectSchema())
			.addProperty("jws", new StringSchema());
		Schema<?> summary = ApiSchemas.object("A published report", published).addProperty("href", new StringSchema());
		return ApiSchemas.responses(Map.of("POST /api/v1/transparency/reports/{period}/publications", proposal,
				"POST /api/v1/transparency/reports/{period}/publications/{id}/rejection", proposal,
				"POST /api/v1/transparency/reports/{period}/publications/{id}/confirmation", envelope,
				"GET /api/v1/transparency/publications/{id}", envelope, "GET /api/v1/transparency/publications",
				ApiSchemas.list(summary), "GET /api/v1/transparency/reports/{period}",
				ApiSchemas.object("The period's figures per jurisdiction", "period", "jurisdictions:array")));
	}

}
