package org.custodian.agency.web;

import java.util.Map;

import org.custodian.agency.AgencyKind;
import org.custodian.agency.AgencyStatus;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The codes the agency API accepts, for its API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AgencyApiDocumentation {

	@Bean
	OpenApiCustomizer agencyCodes() {
		return ApiSchemas.enums(Map.of("NewAgency.kind", AgencyKind.class, "StatusChange.status", AgencyStatus.class));
	}

	@Bean
	OpenApiCustomizer agencyAnswers() {
		return ApiSchemas.responses(Map.of("POST /api/v1/agencies/{id}/officers",
				ApiSchemas.object("The new officer", "id:uuid", "agencyId:uuid"), "POST /api/v1/officers/{id}/tokens",
				ApiSchemas.object("A token, shown once", "id:uuid", "token"), "POST /api/v1/sanctions/lists",
				ApiSchemas.object("The imported list", "source", "entries:integer"), "GET /api/v1/sanctions/lists",
				ApiSchemas.object("The latest import (only entries 0 before any)", "source", "entries:integer",
						"imported_at:date-time")));
	}

}
