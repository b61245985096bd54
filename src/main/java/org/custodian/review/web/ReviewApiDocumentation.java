package org.custodian.review.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.media.Schema;
import org.custodian.policy.PauseCovers;
import org.custodian.policy.PauseMatch;
import org.custodian.policy.PauseScope;
import org.custodian.policy.PauseStage;
import org.custodian.review.Assessment;
import org.custodian.review.CaseStatus;
import org.custodian.review.Outcome;
import org.custodian.review.RejectionReason;
import org.custodian.shared.RequestType;
import org.custodian.shared.web.ApiSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The codes the review and pause API accepts, and the statuses a pause proposal answers
 * with, for its API document.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ReviewApiDocumentation {

	@Bean
	OpenApiCustomizer reviewCodes() {
		return ApiSchemas.enums(Map.of("Form.outcome", Outcome.class, "Form.rejectionReason", RejectionReason.class,
				"FindingForm.verdict", Assessment.Verdict.class, "HumanRightsBody.verdict", Assessment.Verdict.class,
				"PauseForm.match", PauseMatch.class, "PauseForm.stages", PauseStage.class, "PauseForm.appliesTo",
				PauseScope.class, "PauseForm.covers", PauseCovers.class, "GET /api/v1/cases?status", CaseStatus.class,
				"GET /api/v1/cases?type", RequestType.class));
	}

	/** Urgent: enacted now (201); otherwise proposed for a second administrator (202). */
	@Bean
	OpenApiCustomizer reviewStatuses() {
		return ApiSchemas.statuses(Map.of("POST /api/v1/pauses", List.of("201", "202")));
	}

	@Bean
	OpenApiCustomizer reviewAnswers() {
		Schema<?> status = ApiSchemas.object("The case's status after the action", "id:uuid", "status");
		String[] view = { "id:uuid", "caseNumber", "status", "holdReason", "heldByPause:uuid", "type", "instrument",
				"categories:array", "jurisdiction", "agencyId:uuid", "receivedAt:date-time",
				"statusChangedAt:date-time", "dueAt:date-time", "questions:array", "decision:object" };
		Schema<?> request = ApiSchemas.object("The officer's view of a request", view);
		String[] withHistory = java.util.Arrays.copyOf(view, view.length + 1);
		withHistory[view.length] = "history:array";
		Schema<?> requestWithHistory = ApiSchemas
			.object("The officer's view of a request with its status history, oldest step first", withHistory);
		Schema<?> lifting = ApiSchemas.object("The lifting's state", "id:uuid", "lifting");
		Map<String, Schema<?>> answers = new TreeMap<>(Map.of("GET /api/v1/cases/{id}",
				ApiSchemas.object("The case file", "request:object", "targets:array", "targetJurisdictions:array",
						"heldByPause:uuid", "sanctionsMatch:object", "sanctionsCleared:boolean",
						"humanRightsReview:object", "screening:object", "decisions:array", "questions:array",
						"agency:object", "officer:object", "accounts:array", "pausesInForce:array"),
				"GET /api/v1/requests/{id}", requestWithHistory, "POST /api/v1/requests/{id}/withdrawal", request,
				"POST /api/v1/requests/{id}/answers", request, "POST /api/v1/pauses/preview",
				ApiSchemas.object("What a pause would hold", "affected:integer", "byStatus:object", "caseNumbers:array",
						"removalRequests:integer"),
				"POST /api/v1/pauses/{id}/review",
				ApiSchemas.object("The urgent pause's review", "id:uuid", "review", "reviewedAt:date-time"),
				"POST /api/v1/pauses/{id}/rejection", ApiSchemas.object("The declined pause", "id:uuid", "status"),
				"POST /api/v1/pauses/{id}/lifting", lifting, "POST /api/v1/pauses/{id}/lifting/rejection", lifting));
		for (String action : List.of("assignment", "decision", "approval", "questions", "sanctions-review",
				"human-rights-review")) {
			answers.put("POST /api/v1/cases/{id}/" + action, status);
		}
		return ApiSchemas.responses(answers);
	}

}
