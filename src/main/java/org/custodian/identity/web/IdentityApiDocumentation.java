package org.custodian.identity.web;

import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.custodian.identity.Role;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The codes the staff API accepts, for its API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IdentityApiDocumentation {

	@Bean
	OpenApiCustomizer identityCodes() {
		return ApiSchemas.enums(Map.of("NewStaff.roles", Role.class));
	}

	@Bean
	OpenApiCustomizer identityAnswers() {
		Schema<?> token = ApiSchemas.object("A token, shown once", "id:uuid", "token");
		return ApiSchemas.responses(Map.of("POST /api/v1/staff", ApiSchemas.object("The new staff member", "id:uuid"),
				"POST /api/v1/staff/{id}/tokens", token, "POST /api/v1/tokens/{id}/revocation",
				ApiSchemas.object("The revoked token", "id:uuid", "revoked:boolean")));
	}

}
