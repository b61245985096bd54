package org.custodian.policy.web;

import java.util.Map;

import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The answers of the jurisdiction policy API, for its API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PolicyApiDocumentation {

	@Bean
	OpenApiCustomizer policyAnswers() {
		String[] tiers = { "jurisdiction", "home", "foreignContentRequiresMlat:boolean", "legalTiers:object" };
		Schema<?> policy = ApiSchemas.object("Everything in force for the jurisdiction", tiers)
			.addProperty("pauses", ApiSchemas.list(new ObjectSchema()))
			.addProperty("liftedPauses", ApiSchemas.list(new ObjectSchema()))
			.addProperty("proposedPauses", ApiSchemas.list(new ObjectSchema()))
			.addProperty("mlatOnly", new ObjectSchema())
			.addProperty("riskLevel", new StringSchema());
		return ApiSchemas.responses(
				Map.of("GET /api/v1/jurisdictions/{code}/policy", policy, "PUT /api/v1/jurisdictions/{code}/mlat-only",
						policy, "PUT /api/v1/jurisdictions/{code}/legal-tiers/{instrument}",
						ApiSchemas.object("The jurisdiction's legal tiers", tiers)));
	}

}
