package org.custodian.notice.web;

import java.util.Map;

import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The answers of the notice API, for its API document. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class NoticeApiDocumentation {

	@Bean
	OpenApiCustomizer noticeAnswers() {
		return ApiSchemas.responses(Map.of("GET /api/v1/cases/{id}/notices",
				ApiSchemas.object("The notices of the case", "notices:array")));
	}

}
