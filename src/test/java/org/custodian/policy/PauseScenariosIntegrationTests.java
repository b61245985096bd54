package org.custodian.policy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.review.ReviewService;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.RequestId;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platforms' real reactions to Hong Kong's National Security Law (July 2020), each as
 * a scenario: what the officer and the queue see.
 */
class PauseScenariosIntegrationTests extends IntegrationTest {

	static final String COMMENCEMENT = "2020-06-30T15:00:00Z";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewService review;

	Policies policies;

	Person hkOfficer;

	Person usOfficer;

	Person gbOfficer;

	Person reviewer;

	Person approver;

	String hkUser;

	String usUser;

	@BeforeEach
	void world() {
		this.policies = new Policies(this.api, this.world);
		this.hkOfficer = this.world.officer(this.world.agency("HK"));
		this.usOfficer = this.world.officer(this.world.agency("US"));
		this.gbOfficer = this.world.officer(this.world.agency("GB"));
		this.reviewer = this.world.staff("REVIEWER");
		this.approver = this.world.staff("APPROVER");
		this.hkUser = account("HK");
		this.usUser = account("US");
	}

	/** Pauses from one scenario must not reach into the next: the database is shared. */
	@AfterEach
	void liftEverything() {
		Policies.liftAll(this.jdbc);
		this.jdbc.sql("DELETE FROM mlat_only_rule").update();
	}

	@Test
	void facebookAndWhatsAppPauseTheReviewOfRequestsFromHongKong() {
		String inReview = submit(this.hkOfficer, this.usUser);
		String aboutHongKong = submit(this.usOfficer, this.hkUser);

		Api.Response preview = this.policies
			.preview(Policies.pause("HK", "FROM_AUTHORITIES", List.of("REVIEW"), "ALL", null, null));
		assertThat(preview.json().path("byStatus").path("IN_REVIEW").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(status(this.hkOfficer, inReview)).isEqualTo("IN_REVIEW");

		Api.Response enacted = this.policies
			.enact(Policies.pause("HK", "FROM_AUTHORITIES", List.of("REVIEW"), "ALL", null, null));
		assertThat(enacted.json().path("held").asLong()).isEqualTo(preview.json().path("affected").asLong());

		JsonNode held = this.world.officerView(this.hkOfficer, inReview);
		assertThat(held.path("status").asString()).isEqualTo("ON_HOLD");
		assertThat(held.path("holdReason").asString()).contains("Requests from authorities of HK are paused (review)",
				"human rights due diligence");
		assertThat(status(this.usOfficer, aboutHongKong)).isEqualTo("IN_REVIEW");

		String arriving = submit(this.hkOfficer, this.usUser);
		assertThat(status(this.hkOfficer, arriving)).isEqualTo("ON_HOLD");
		assertThat(queue("ON_HOLD", "HK")).contains(inReview, arriving);
		assertThat(queue("IN_REVIEW", "HK")).doesNotContain(inReview, arriving);
	}

	@Test
	void twitterPausesEveryStageFromTheLawsCommencementCatchingRequestsInFlight() {
		String inReview = submit(this.hkOfficer, this.usUser);
		String approved = approvedAwaitingCallback(this.hkOfficer, this.usUser);
		assertThat(status(this.hkOfficer, approved)).isEqualTo("APPROVED");

		Api.Response enacted = this.policies.enact(Policies.pause("HK", "FROM_AUTHORITIES",
				List.of("REVIEW", "PRODUCTION"), "NEW_ONLY", COMMENCEMENT, "Clarity on the law's vague terms"));
		assertThat(enacted.json().path("held").asLong()).isGreaterThanOrEqualTo(2);

		assertThat(status(this.hkOfficer, inReview)).isEqualTo("ON_HOLD");
		assertThat(status(this.hkOfficer, approved)).isEqualTo("ON_HOLD");
		assertThat(this.world.officerView(this.hkOfficer, approved).path("holdReason").asString())
			.contains("since 2020-06-30 15:00 UTC", "Clarity on the law's vague terms");
		assertThatThrownBy(() -> this.review.startProduction(RequestId.of(approved), Actor.SYSTEM))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void googlePausesProductionOfNewRequestsThenAnswersOnlyThroughTheMlatRoute() {
		String older = approvedAwaitingCallback(this.hkOfficer, this.usUser);
		String since = Instant.now().toString();
		String newer = submit(this.hkOfficer, this.usUser);

		Api.Response enacted = this.policies
			.enact(Policies.pause("HK", "FROM_AUTHORITIES", List.of("PRODUCTION"), "NEW_ONLY", since, null));
		assertThat(enacted.json().path("held").asLong()).isZero();
		assertThat(status(this.hkOfficer, older)).isEqualTo("APPROVED");
		assertThat(status(this.hkOfficer, newer)).isEqualTo("IN_REVIEW");

		approve(newer);
		JsonNode stopped = this.world.officerView(this.hkOfficer, newer);
		assertThat(stopped.path("status").asString()).isEqualTo("ON_HOLD");
		assertThat(stopped.path("holdReason").asString()).contains("paused (production)");
		this.review.startProduction(RequestId.of(older), Actor.SYSTEM);
		assertThat(status(this.hkOfficer, older)).isEqualTo("PRODUCING");

		Api.Response mlatOnly = this.api.as(this.policies.admin().token())
			.put("/api/v1/jurisdictions/HK/mlat-only",
					Map.of("enabled", true, "reason", "From August 2020 Hong Kong is answered through the US MLAT."));
		assertThat(mlatOnly.json().path("mlatOnly").path("reason").asString()).contains("MLAT");

		String subpoena = submit(this.hkOfficer, this.usUser);
		JsonNode refused = this.world.officerView(this.hkOfficer, subpoena);
		assertThat(refused.path("status").asString()).isEqualTo("REJECTED");
		assertThat(refused.path("decision").path("outcome").asString()).isEqualTo("REQUIRE_MLAT");
		assertThat(refused.path("decision").path("reason").asString()).contains("Mutual Legal Assistance Treaty");

		String treaty = this.world.submit(this.hkOfficer, request("MLAT", this.usUser, "CONTENT"));
		assertThat(status(this.hkOfficer, treaty)).isEqualTo("IN_REVIEW");
		String preservation = this.world.submit(this.hkOfficer,
				Map.of("type", "PRESERVATION", "targets", List.of(Map.of("kind", "USERNAME", "value", this.usUser))));
		assertThat(status(this.hkOfficer, preservation)).isEqualTo("PRESERVED");
	}

	@Test
	void zoomPausesRequestsFromAndAboutHongKong() {
		this.policies.enact(Policies.pause("HK", "BOTH", List.of("REVIEW", "PRODUCTION"), "ALL", null, null));

		String fromHongKong = submit(this.hkOfficer, this.usUser);
		String aboutHongKong = submit(this.usOfficer, this.hkUser);
		String unrelated = submit(this.usOfficer, this.usUser);

		assertThat(status(this.hkOfficer, fromHongKong)).isEqualTo("ON_HOLD");
		assertThat(status(this.usOfficer, aboutHongKong)).isEqualTo("ON_HOLD");
		assertThat(this.world.officerView(this.usOfficer, aboutHongKong).path("holdReason").asString())
			.contains("concerning users in, HK");
		assertThat(status(this.usOfficer, unrelated)).isEqualTo("IN_REVIEW");
	}

	@Test
	void telegramRefusesRequestsAboutHongKongUsersFromAnyRequester() {
		String fromUs = submit(this.usOfficer, this.hkUser);
		Api.Response enacted = this.policies.enact(Policies.pause("HK", "ABOUT_USERS", List.of("REVIEW", "PRODUCTION"),
				"ALL", null, "An international consensus is reached on the law"));
		assertThat(enacted.json().path("held").asLong()).isGreaterThanOrEqualTo(1);

		String fromBritain = submit(this.gbOfficer, this.hkUser);
		String fromHongKongAboutAmerican = submit(this.hkOfficer, this.usUser);

		assertThat(status(this.usOfficer, fromUs)).isEqualTo("ON_HOLD");
		assertThat(this.world.officerView(this.gbOfficer, fromBritain).path("holdReason").asString())
			.contains("concerning users in HK", "international consensus");
		assertThat(status(this.hkOfficer, fromHongKongAboutAmerican)).isEqualTo("IN_REVIEW");
	}

	@Test
	void appleHasNoPauseButContentForHongKongNeedsTheMlatRoute() {
		String warrant = this.world.submit(this.hkOfficer, request("SEARCH_WARRANT", this.usUser, "CONTENT"));
		assertThat(status(this.hkOfficer, warrant)).isEqualTo("IN_REVIEW");
		JsonNode caseFile = this.api.as(this.reviewer.token()).get("/api/v1/cases/" + warrant).json();
		assertThat(caseFile.path("screening").get(0).path("verdict").asString()).isEqualTo("REQUIRES_MLAT");

		Api.Response disclose = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + warrant + "/decision", World.decision("DISCLOSE", List.of("CONTENT")));
		assertThat(disclose.status()).isEqualTo(400);

		this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + warrant + "/decision", World.decision("REQUIRE_MLAT", List.of()));
		this.api.as(this.approver.token()).post("/api/v1/cases/" + warrant + "/approval", Map.of("approve", true));
		JsonNode seen = this.world.officerView(this.hkOfficer, warrant);
		assertThat(seen.path("status").asString()).isEqualTo("REJECTED");
		assertThat(seen.path("decision").path("guidance").asString()).contains("mutual legal assistance treaty");
	}

	private String submit(Person officer, String username) {
		return this.world.submit(officer, request("COURT_ORDER", username, "BASIC_SUBSCRIBER"));
	}

	/**
	 * An approved emergency disclosure that waits for its callback to the agency: it
	 * stays APPROVED, where an approved legal request could be produced by the background
	 * job before the test looks.
	 */
	private String approvedAwaitingCallback(Person officer, String username) {
		String id = this.world.submit(officer,
				Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "USERNAME", "value", username)),
						"categories", List.of("BASIC_SUBSCRIBER"), "emergency",
						Map.of("threat", "Credible threat to life", "supervisorName", "Supt. Wong", "supervisorPhone",
								"+852 5550 0100")));
		approve(id);
		return id;
	}

	private static Map<String, Object> request(String instrument, String username, String category) {
		Map<String, Object> request = new HashMap<>(World.legalProcess(instrument, category));
		request.put("targets", List.of(Map.of("kind", "USERNAME", "value", username)));
		return request;
	}

	private void approve(String id) {
		Api.Response proposed = this.api.as(this.reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		Api.Response approved = this.api.as(this.approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
	}

	private String status(Person officer, String id) {
		return this.world.officerView(officer, id).path("status").asString();
	}

	private List<String> queue(String status, String jurisdiction) {
		return this.api.as(this.reviewer.token())
			.get("/api/v1/cases?limit=200&status=" + status + "&jurisdiction=" + jurisdiction)
			.json()
			.path("items")
			.findValuesAsString("id");
	}

	/** An account of the platform whose holder lives in the jurisdiction. */
	private String account(String jurisdiction) {
		String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO platform_account (id, username, home_jurisdiction) VALUES (?, ?, ?)")
			.params(UUID.randomUUID().toString(), username, jurisdiction)
			.update();
		return username;
	}

}
