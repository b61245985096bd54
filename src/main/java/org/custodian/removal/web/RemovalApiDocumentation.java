package org.custodian.removal.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.custodian.removal.AppealOutcome;
import org.custodian.removal.ItemDecision;
import org.custodian.removal.ItemKind;
import org.custodian.removal.NoActionReason;
import org.custodian.removal.RemovalBasis;
import org.custodian.removal.RemovalReason;
import org.custodian.removal.RemovalStatus;
import org.custodian.removal.RemovalViews;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The codes the removal API accepts and the status a submission answers with, for the API
 * document.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RemovalApiDocumentation {

	@Bean
	OpenApiCustomizer removalCodes() {
		return ApiSchemas.enums(Map.of("RemovalForm.basis", RemovalBasis.class, "RemovalForm.reason",
				RemovalReason.class, "ItemForm.kind", ItemKind.class, "ItemDecisionForm.decision", ItemDecision.class,
				"ItemDecisionForm.noActionReason", NoActionReason.class, "GET /api/v1/removal-requests?status",
				RemovalStatus.class, "DecisionBody.outcome", AppealOutcome.class));
	}

	@Bean
	OpenApiCustomizer removalStatuses() {
		return ApiSchemas
			.statuses(Map.of("POST /api/v1/removal-requests", List.of("201"), "POST /api/v1/appeals", List.of("201")));
	}

	@Bean
	OpenApiCustomizer removalAnswers() {
		Schema<?> staff = ApiSchemas.ref(RemovalViews.StaffView.class);
		Schema<?> receipt = ApiSchemas.object("The received removal request", "id:uuid", "caseNumber", "status");
		return ApiSchemas
			.responses(Map.of("POST /api/v1/removal-requests", receipt, "GET /api/v1/removal-requests/{id}",
					new Schema<>().oneOf(List.of(ApiSchemas.ref(RemovalViews.OfficerView.class), staff)),
					"POST /api/v1/removal-requests/{id}/decision", staff, "POST /api/v1/appeals",
					ApiSchemas.object("The filed appeal", "id:uuid", "status"),
					"POST /api/v1/removal-requests/{id}/appeals/{appealId}/decision", staff,
					"POST /api/v1/removal-requests/{id}/approval", staff,
					"POST /api/v1/removal-requests/{id}/human-rights-review", staff,
					"GET /api/v1/removal-requests/{id}/items/{itemId}/statement-of-reasons",
					ApiSchemas.object("The DSA statement of reasons of one item", "decision_ground", "category",
							"content_type:array", "territorial_scope:array", "content_date", "application_date",
							"decision_facts", "source_type", "source_identity", "automated_detection",
							"automated_decision")));
	}

	@Bean
	OpenApiCustomizer removalViews() {
		return ApiSchemas.records(RemovalViews.OfficerView.class, RemovalViews.StaffView.class);
	}

}
