package org.custodian.disclosure.web;

import java.util.Map;

import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The answers of the disclosure API, for its API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DisclosureApiDocumentation {

	@Bean
	OpenApiCustomizer disclosureAnswers() {
		return ApiSchemas.responses(Map.of("GET /api/v1/cases/{id}/production",
				ApiSchemas.object("The case's production", "status", "attempts:integer", "lastError",
						"queuedAt:date-time", "producedAt:date-time", "expiresAt:date-time", "purgedAt:date-time",
						"sizeBytes:integer", "downloads:integer", "release:object", "passphraseShown:boolean"),
				"POST /api/v1/cases/{id}/emergency-verification",
				ApiSchemas.object("The recorded call-back", "id:uuid", "confirmed:boolean", "recordedAt:date-time"),
				"GET /api/v1/cases/{id}/emergency-verification",
				ApiSchemas.object("The case's call-backs", "callbacks:array"),
				"POST /api/v1/requests/{id}/production/passphrase",
				ApiSchemas.object("The package's passphrase, shown once", "passphrase", "note"),
				"POST /api/v1/requests/{id}/emergency-follow-up",
				ApiSchemas.object("The emergency request a legal one follows up", "emergencyRequestId:uuid",
						"legalRequestId:uuid")));
	}

}
