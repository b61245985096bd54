package org.custodian.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pause tied to human-rights due diligence: it stays until the assessment, informed by
 * experts and signed off by a second lead, permits lifting; lifting screens held requests
 * again and approves nothing.
 */
class DueDiligenceIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	Policies policies;

	Person author;

	Person secondLead;

	Person hkOfficer;

	@BeforeEach
	void world() {
		this.policies = new Policies(this.api, this.world);
		this.author = this.world.staff("HUMAN_RIGHTS_LEAD");
		this.secondLead = this.world.staff("HUMAN_RIGHTS_LEAD");
		this.hkOfficer = this.world.officer(this.world.agency("HK"));
	}

	@AfterEach
	void liftEverything() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void keepsThePauseUntilASignedOffAssessmentPermitsLiftingThenScreensAgain() {
		Person reviewer = this.world.staff("REVIEWER");
		// Proposed, not approved: an approved request could be produced by the background
		// job before the pause is enacted, and the test would race it.
		String proposed = this.world.submit(this.hkOfficer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		this.api.as(reviewer.token())
			.post("/api/v1/cases/" + proposed + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		String inReview = this.world.submit(this.hkOfficer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		String assessment = lead(this.author)
			.post("/api/v1/assessments",
					Map.of("jurisdiction", "HK", "subject", "National Security Law, 2020", "triggerDate", "2020-06-30"))
			.json()
			.path("id")
			.asString();
		Map<String, Object> pause = new HashMap<>(
				Policies.pause("HK", "FROM_AUTHORITIES", List.of("REVIEW", "PRODUCTION"), "ALL", null, null));
		pause.put("assessmentId", assessment);
		String pauseId = this.policies.enact(pause).json().path("id").asString();
		assertThat(status(proposed)).isEqualTo("ON_HOLD");

		Api.Response whileOpen = this.policies.lift(pauseId, "Want to resume");
		assertThat(whileOpen.status()).isEqualTo(409);
		assertThat(whileOpen.json().path("detail").asString()).contains("OPEN");

		Api.Response withoutExperts = lead(this.author).post("/api/v1/assessments/" + assessment + "/conclusion",
				Map.of("findings", Policies.findings("HIGH"), "decision", "LIFT", "rationale", "r"));
		assertThat(withoutExperts.status()).isEqualTo(409);

		lead(this.author).post("/api/v1/assessments/" + assessment + "/consultations",
				Map.of("expert", "Prof. A. Expert", "organisation", "University human rights centre", "date",
						"2020-07-03", "summary", "The law's offences are vague; data could identify protesters."));
		Api.Response concluded = lead(this.author).post("/api/v1/assessments/" + assessment + "/conclusion",
				Map.of("findings", Policies.findings("HIGH"), "decision", "LIFT_WITH_CONDITIONS", "rationale",
						"Safeguards agreed", "conditions", "Every request gets a human-rights review"));
		assertThat(concluded.json().path("status").asString()).isEqualTo("CONCLUDED");
		assertThat(this.policies.lift(pauseId, "Concluded").status()).isEqualTo(409);

		Api.Response ownSignOff = lead(this.author).post("/api/v1/assessments/" + assessment + "/sign-off", Map.of());
		assertThat(ownSignOff.status()).isEqualTo(403);
		assertThat(lead(this.secondLead).post("/api/v1/assessments/" + assessment + "/sign-off", Map.of())
			.json()
			.path("status")
			.asString()).isEqualTo("SIGNED_OFF");

		Api.Response lifted = this.policies.lift(pauseId, "Assessment permits, with conditions");
		assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
		// At least this test's two: the shared test database may hold other tests' Hong
		// Kong
		// requests under the same pause (seen once in a full run: 3). Each of its own two
		// is
		// checked below.
		assertThat(lifted.json().path("released").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(status(proposed)).as("nothing is approved by a lifting").isEqualTo("IN_REVIEW");
		assertThat(status(inReview)).isEqualTo("IN_REVIEW");
		assertThat(this.world.officerView(this.hkOfficer, proposed).path("holdReason").isNull()).isTrue();
		assertThat(this.policies.lift(pauseId, "again").status()).isEqualTo(409);
	}

	@Test
	void refusesToLiftWhenTheAssessmentDecidedToMaintainThePause() {
		String assessment = lead(this.author)
			.post("/api/v1/assessments",
					Map.of("jurisdiction", "HK", "subject", "National Security Law, 2020", "triggerDate", "2020-06-30"))
			.json()
			.path("id")
			.asString();
		lead(this.author).post("/api/v1/assessments/" + assessment + "/consultations", Map.of("expert", "B",
				"organisation", "NGO", "date", "2020-07-02", "summary", "Risks to journalists' sources."));
		lead(this.author).post("/api/v1/assessments/" + assessment + "/conclusion", Map.of("findings",
				Policies.findings("SEVERE"), "decision", "MAINTAIN_PAUSE", "rationale", "No safeguards available"));
		lead(this.secondLead).post("/api/v1/assessments/" + assessment + "/sign-off", Map.of());
		Map<String, Object> pause = new HashMap<>(
				Policies.pause("HK", "ABOUT_USERS", List.of("REVIEW"), "ALL", null, "International consensus"));
		pause.put("assessmentId", assessment);
		String pauseId = this.policies.enact(pause).json().path("id").asString();

		Api.Response refused = this.policies.lift(pauseId, "Pressure to resume");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("detail").asString()).contains("MAINTAIN_PAUSE");
		JsonNode policy = this.api.as(this.author.token()).get("/api/v1/jurisdictions/HK/policy").json();
		assertThat(policy.path("pauses").findValuesAsString("id")).contains(pauseId);
	}

	@Test
	void previewChangesNothingAndBadPausesAreRefusedByField() {
		String request = this.world.submit(this.hkOfficer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response preview = this.policies
			.preview(Policies.pause("HK", "FROM_AUTHORITIES", List.of("REVIEW"), "ALL", null, null));
		assertThat(preview.json().path("caseNumbers").size()).isGreaterThanOrEqualTo(1);
		assertThat(status(request)).isEqualTo("IN_REVIEW");
		assertThat(this.jdbc.sql("SELECT count(*) FROM pause WHERE lifted_at IS NULL").query(Long.class).single())
			.isZero();

		Api.Response bad = this.policies.preview(Map.of("jurisdiction", "ZZ", "match", "EVERYONE", "stages",
				List.of("LUNCH"), "effectiveFrom", "2999-01-01T00:00:00Z"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("jurisdiction", "match", "stages[0]", "effectiveFrom",
				"reason");
	}

	@Test
	void requiresAHumanRightsLeadsReviewOfEachRequestInAHighRiskJurisdiction() {
		Person reviewer = this.world.staff("REVIEWER");
		Person macau = this.world.officer(this.world.agency("MO"));
		this.api.as(this.author.token())
			.put("/api/v1/jurisdictions/MO/risk", Map.of("level", "HIGH", "reason", "Mirrors the NSL"));
		String request = this.world.submit(macau, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response premature = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + request + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(premature.status()).isEqualTo(409);
		assertThat(premature.json().path("detail").asString()).contains("HIGH-risk");

		this.api.as(this.author.token())
			.post("/api/v1/cases/" + request + "/human-rights-review",
					Map.of("verdict", "CONCERN", "note", "Offence is 'subversion'; scope limited to subscriber data"));
		Api.Response proposed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + request + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(proposed.json().path("status").asString()).isEqualTo("PENDING_APPROVAL");
	}

	private Api.Call lead(Person lead) {
		return this.api.as(lead.token());
	}

	private String status(String id) {
		return this.world.officerView(this.hkOfficer, id).path("status").asString();
	}

}
