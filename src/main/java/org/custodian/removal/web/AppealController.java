package org.custodian.removal.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.removal.AppealLinkExpired;
import org.custodian.removal.AppealLinkUsed;
import org.custodian.removal.RemovalAppeals;
import org.custodian.removal.RemovalQueries;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appeals over the API: the account holder files one with the token of their notice's
 * link (no sign-in); a staff member who did not decide the item decides it.
 */
@RestController
class AppealController {

	private final RemovalAppeals appeals;

	private final RemovalQueries queries;

	AppealController(RemovalAppeals appeals, RemovalQueries queries) {
		this.appeals = appeals;
		this.queries = queries;
	}

	@PostMapping("/api/v1/appeals")
	ResponseEntity<Map<String, Object>> file(@RequestBody AppealBody body) {
		UUID id = this.appeals.file(body.token(), body.statement());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "status", "FILED"));
	}

	@PostMapping("/api/v1/removal-requests/{id}/appeals/{appealId}/decision")
	Object decide(@PathVariable UUID id, @PathVariable UUID appealId, @RequestBody DecisionBody body,
			@AuthenticationPrincipal CurrentUser staff) {
		this.appeals.decide(id, appealId, body.outcome(), body.reason(), staff);
		return this.queries.staffView(id, staff);
	}

	@ExceptionHandler({ AppealLinkUsed.class, AppealLinkExpired.class })
	ProblemDetail gone(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
		problem.setTitle("Gone");
		return problem;
	}

	record AppealBody(String token, String statement) {
	}

	record DecisionBody(String outcome, String reason) {
	}

}
