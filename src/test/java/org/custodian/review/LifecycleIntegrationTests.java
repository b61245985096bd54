package org.custodian.review;

import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Agency;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole foundation flow over HTTP: agency → officer → token → submit → screen →
 * assign → decide → approve by another person → the audit log verifies.
 */
class LifecycleIntegrationTests extends IntegrationTest {

	@Test
	void takesARequestFromSubmissionToApprovalUnderFourEyes() {
		Agency agency = this.world.agency("US");
		Person officer = this.world.officer(agency);
		Person reviewer = this.world.staff("REVIEWER");
		Person approver = this.world.staff("APPROVER");
		Person intake = this.world.staff("INTAKE");

		Api.Response submitted = this.api.as(officer.token())
			.post("/api/v1/requests", World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER", "NON_CONTENT"));
		assertThat(submitted.status()).isEqualTo(201);
		assertThat(submitted.json().path("caseNumber").asString()).matches("CR-\\d{4}-\\d{6}");
		assertThat(submitted.json().path("status").asString()).isEqualTo("IN_REVIEW");
		String id = submitted.json().path("id").asString();

		JsonNode caseFile = this.api.as(reviewer.token()).get("/api/v1/cases/" + id).json();
		assertThat(caseFile.path("screening").findValuesAsString("verdict")).containsOnly("SUPPORTED");

		Api.Response assigned = this.api.as(intake.token())
			.post("/api/v1/cases/" + id + "/assignment", Map.of("reviewerId", reviewer.id()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

		Api.Response proposed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision",
					World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER", "NON_CONTENT")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		assertThat(proposed.json().path("status").asString()).isEqualTo("PENDING_APPROVAL");

		Api.Response approved = this.api.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().path("status").asString()).isIn("APPROVED", "PRODUCING", "PRODUCED");

		JsonNode seenByOfficer = this.world.officerView(officer, id);
		// An approved disclosure goes to production at once, by a background job.
		assertThat(seenByOfficer.path("status").asString()).isIn("APPROVED", "PRODUCING", "PRODUCED");
		assertThat(seenByOfficer.path("decision").path("outcome").asString()).isEqualTo("DISCLOSE");

		List<String> actions = this.api.as(reviewer.token())
			.get("/api/v1/cases/" + id + "/timeline")
			.json()
			.findValuesAsString("action");
		assertThat(actions).containsSubsequence("request.submitted", "request.screening-started",
				"request.review-started", "request.assigned", "request.decision-proposed", "request.approved");

		JsonNode verification = this.world.admin().get("/api/v1/audit/verification").json();
		assertThat(verification.path("valid").asBoolean()).as(verification.toString()).isTrue();
		assertThat(verification.path("events").asLong()).isGreaterThan(10);
	}

}
