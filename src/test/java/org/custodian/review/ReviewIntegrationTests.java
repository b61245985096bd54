package org.custodian.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review use cases over HTTP, as the officer and the team see them.
 */
class ReviewIntegrationTests extends IntegrationTest {

	Person officer;

	Person reviewer;

	Person approver;

	@BeforeEach
	void people() {
		this.officer = this.world.officer(this.world.agency("GB"));
		this.reviewer = this.world.staff("REVIEWER");
		this.approver = this.world.staff("APPROVER");
	}

	@Test
	void roundTripsAQuestionToTheOfficer() {
		String id = this.world.submit(this.officer, World.legalProcess("COURT_ORDER", "NON_CONTENT"));
		Api.Response asked = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + id + "/questions",
					Map.of("question", "Which account is meant: there are two 'suspect01'?"));
		assertThat(asked.json().path("status").asString()).isEqualTo("NEEDS_INFO");

		JsonNode seen = this.world.officerView(this.officer, id);
		assertThat(seen.path("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(seen.path("questions").get(0).path("question").asString()).contains("two 'suspect01'");

		Api.Response answered = this.api.as(this.officer.token())
			.post("/api/v1/requests/" + id + "/answers", Map.of("answer", "The one created in 2019."));
		assertThat(answered.status()).isEqualTo(200);
		assertThat(answered.json().path("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(answered.json().path("questions").get(0).path("answer").asString())
			.isEqualTo("The one created in 2019.");
	}

	@Test
	void letsTheOfficerWithdrawButNotTwice() {
		String id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response withdrawn = this.api.as(this.officer.token())
			.post("/api/v1/requests/" + id + "/withdrawal", Map.of("reason", "Suspect identified"));
		assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
		Api.Response again = this.api.as(this.officer.token()).post("/api/v1/requests/" + id + "/withdrawal", Map.of());
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void showsTheOfficerAStructuredRejectionWithWhatToDoInstead() {
		String id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Map<String, Object> reject = new HashMap<>(World.decision("REJECT", List.of()));
		reject.put("rejectionReason", "OVERBROAD");
		reject.put("reason", "Names every follower of a protest page.");
		assertThat(this.api.as(this.reviewer.token()).post("/api/v1/cases/" + id + "/decision", reject).status())
			.isEqualTo(200);
		this.api.as(this.approver.token()).post("/api/v1/cases/" + id + "/approval", Map.of("approve", true));

		JsonNode seen = this.world.officerView(this.officer, id);
		assertThat(seen.path("status").asString()).isEqualTo("REJECTED");
		assertThat(seen.path("decision").path("rejectionReason").asString()).isEqualTo("OVERBROAD");
		assertThat(seen.path("decision").path("guidance").asString()).contains("narrow");
		assertThat(seen.has("assigneeId")).isFalse();
	}

	@Test
	void refusesApprovalByTheProposer() {
		Person both = this.world.staff("REVIEWER", "APPROVER");
		String id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		this.api.as(both.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		Api.Response own = this.api.as(both.token()).post("/api/v1/cases/" + id + "/approval", Map.of("approve", true));
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().path("detail").asString()).contains("Four eyes");

		Api.Response returned = this.api.as(this.approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", false, "comment", "Check the period"));
		assertThat(returned.json().path("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void neverLetsADecisionCoverACategoryTheInstrumentDoesNotReach() {
		String id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER", "CONTENT"));
		Api.Response tooMuch = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + id + "/decision",
					World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER", "CONTENT")));
		assertThat(tooMuch.status()).isEqualTo(400);
		assertThat(tooMuch.errorFields()).containsExactly("categories[1]");

		Api.Response partial = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE_PARTIAL", List.of("BASIC_SUBSCRIBER")));
		assertThat(partial.json().path("status").asString()).isEqualTo("PENDING_APPROVAL");
	}

	@Test
	void allowsVoluntaryDisclosureOfAnyCategoryInAnEmergency() {
		Map<String, Object> emergency = Map.of("type", "EMERGENCY", "targets",
				List.of(Map.of("kind", "USERNAME", "value", "kidnapper")), "categories", List.of("CONTENT"),
				"emergency", Map.of("threat", "Child abducted, ransom messages sent from this account",
						"supervisorName", "Supt. Jones", "supervisorPhone", "+44 20 7946 0000"));
		String id = this.world.submit(this.officer, emergency);
		Api.Response proposed = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("CONTENT")));
		assertThat(proposed.json().path("status").asString()).isEqualTo("PENDING_APPROVAL");
	}

	@Test
	void requiresANoteForEveryConsideration() {
		String id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Map<String, Object> assessment = new HashMap<>(World.satisfiedAssessment());
		assessment.remove("proportionality");
		assessment.put("humanRights", Map.of("verdict", "NOT_SATISFIED", "note", "Target is a journalist"));
		Api.Response response = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", Map.of("outcome", "DISCLOSE", "categories",
					List.of("BASIC_SUBSCRIBER"), "reason", "x", "assessment", assessment));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("assessment.proportionality");

		assessment.put("proportionality", Map.of("verdict", "SATISFIED", "note", "One account"));
		Api.Response risky = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", Map.of("outcome", "DISCLOSE", "categories",
					List.of("BASIC_SUBSCRIBER"), "reason", "x", "assessment", assessment));
		assertThat(risky.errorFields()).containsExactly("assessment.humanRights");
	}

	@Test
	void pagesTheQueueByKeysetWithFilters() {
		Person fr = this.world.officer(this.world.agency("FR"));
		List<String> submitted = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			submitted.add(this.world.submit(fr, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER")));
		}
		List<String> seen = new ArrayList<>();
		String after = null;
		do {
			Api.Response page = this.api.as(this.reviewer.token())
				.get("/api/v1/cases?jurisdiction=FR&status=IN_REVIEW&limit=2"
						+ ((after != null) ? "&after=" + after : ""));
			assertThat(page.status()).isEqualTo(200);
			page.json().path("items").forEach((item) -> {
				assertThat(item.path("jurisdiction").asString()).isEqualTo("FR");
				seen.add(item.path("id").asString());
			});
			after = page.json().path("next").isNull() ? null : page.json().path("next").asString();
		}
		while (after != null);
		assertThat(seen).containsAll(submitted).doesNotHaveDuplicates();

		assertThat(this.api.as(this.reviewer.token()).get("/api/v1/cases?status=NONSENSE").errorFields())
			.containsExactly("status");
	}

}
