package org.custodian.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.review.PauseEnforcement;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.StaffId;
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
 * Four eyes on pauses, over the API: a proposal holds nothing, its proposer cannot
 * confirm it, a second policy administrator enacts it; an urgent pause is enacted at once
 * and waits for a second one's review; a lifting takes two people; a proposal is
 * withdrawn or rejected.
 */
class PauseFourEyesIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PauseEnforcement enforcement;

	Policies policies;

	Person officer;

	@BeforeEach
	void world() {
		this.policies = new Policies(this.api, this.world);
		this.officer = this.world.officer(this.world.agency("LA"));
	}

	@AfterEach
	void liftEverything() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void aProposedPauseHoldsNothingUntilASecondPolicyAdministratorConfirmsIt() {
		String first = submit();
		String second = submit();

		Api.Response proposed = this.policies.propose(reviewPause());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		assertThat(proposed.json().path("status").asString()).isEqualTo("PROPOSED");
		String id = proposed.json().path("id").asString();
		assertThat(status(first)).isEqualTo("IN_REVIEW");
		assertThat(status(submit())).as("a request arriving while it is only proposed").isEqualTo("IN_REVIEW");
		JsonNode policy = policy(this.policies.admin());
		assertThat(policy.path("proposedPauses").findValuesAsString("id")).containsExactly(id);
		assertThat(policy.path("pauses").findValuesAsString("id")).doesNotContain(id);
		assertThat(this.api.anonymous().get("/transparency/LA").text()).as("the public page shows no proposal")
			.contains("No pause is in force.");

		Api.Response byProposer = confirm(this.policies.admin(), id);
		assertThat(byProposer.status()).as(byProposer.toString()).isEqualTo(403);
		assertThat(byProposer.text()).contains("Four eyes");
		assertThat(status(first)).isEqualTo("IN_REVIEW");
		assertThat(policy(this.policies.admin()).path("proposedPauses").findValuesAsString("id")).containsExactly(id);
		assertThat(actions(id)).containsExactly("pause.proposed");

		Api.Response confirmed = confirm(this.policies.second(), id);
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
		assertThat(confirmed.json().path("id").asString()).isEqualTo(id);
		assertThat(confirmed.json().path("held").asInt()).isEqualTo(3);
		assertThat(status(first)).isEqualTo("ON_HOLD");
		assertThat(status(second)).isEqualTo("ON_HOLD");
		JsonNode inForce = policy(this.policies.admin()).path("pauses").get(0);
		assertThat(inForce.path("id").asString()).isEqualTo(id);
		assertThat(inForce.path("status").asString()).isEqualTo("IN_FORCE");
		assertThat(this.api.anonymous().get("/transparency/LA").text()).doesNotContain("No pause is in force.");
		assertThat(confirm(this.policies.second(), id).status()).as("already in force").isEqualTo(409);
		assertThat(actors(id, "pause.confirmed")).containsExactly(this.policies.second().id());
		assertThat(actors(id, "pause.proposed")).containsExactly(this.policies.admin().id());
	}

	@Test
	void anUrgentPauseIsEnactedAtOnceAndListedAsAwaitingASecondAdministratorsReview() {
		String request = submit();
		Map<String, Object> urgent = reviewPause();
		urgent.put("urgent", true);
		Api.Response noReason = this.policies.propose(urgent);
		assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("urgentReason");
		assertThat(this.jdbc.sql("SELECT count(*) FROM pause WHERE jurisdiction = 'LA'").query(Long.class).single())
			.isZero();

		urgent.put("urgentReason", "Credible reports that requests target journalists this week");
		Api.Response enacted = this.policies.propose(urgent);
		assertThat(enacted.status()).as(enacted.toString()).isEqualTo(201);
		assertThat(enacted.json().path("held").asInt()).isEqualTo(1);
		String id = enacted.json().path("id").asString();
		assertThat(status(request)).isEqualTo("ON_HOLD");
		JsonNode flagged = policy(this.policies.second()).path("pauses").get(0);
		assertThat(flagged.path("urgent").path("review").asString()).isEqualTo("AWAITING_REVIEW");
		assertThat(flagged.path("urgent").path("reason").asString()).contains("journalists");
		assertThat(Duration.between(Instant.parse(flagged.path("enactedAt").asString()),
				Instant.parse(flagged.path("urgent").path("reviewDueAt").asString())))
			.as("custodian.policy.urgent-review-within defaults to 24 hours")
			.isEqualTo(Duration.ofHours(24));
		assertThat(actions(id)).contains("pause.urgent-enacted");

		Api.Response byEnactor = review(this.policies.admin(), id);
		assertThat(byEnactor.status()).as(byEnactor.toString()).isEqualTo(403);
		assertThat(policy(this.policies.second()).path("pauses").get(0).path("urgent").path("review").asString())
			.isEqualTo("AWAITING_REVIEW");
		Api.Response reviewed = review(this.policies.second(), id);
		assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
		JsonNode after = policy(this.policies.second()).path("pauses").get(0);
		assertThat(after.path("urgent").path("review").asString()).isEqualTo("REVIEWED");
		assertThat(after.path("urgent").path("reviewNote").asString()).isEqualTo("Agreed: it could not wait");
		assertThat(review(this.policies.second(), id).status()).as("reviewed once").isEqualTo(409);
		assertThat(actors(id, "pause.urgent-reviewed")).containsExactly(this.policies.second().id());
		assertThat(status(request)).isEqualTo("ON_HOLD");
	}

	@Test
	void liftingIsProposedByOnePolicyAdministratorAndConfirmedByAnother() {
		String request = submit();
		String id = this.policies.enact(reviewPause()).json().path("id").asString();
		assertThat(status(request)).isEqualTo("ON_HOLD");

		Api.Response proposed = this.policies.proposeLifting(id, "The law was amended");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		assertThat(status(request)).isEqualTo("ON_HOLD");
		JsonNode pause = policy(this.policies.admin()).path("pauses").get(0);
		assertThat(pause.path("liftingProposal").path("rationale").asString()).isEqualTo("The law was amended");
		assertThat(this.policies.proposeLifting(id, "Again").status()).as("one lifting at a time").isEqualTo(409);

		Api.Response byProposer = this.api.as(this.policies.admin().token())
			.post("/api/v1/pauses/" + id + "/lifting/confirmation", Map.of());
		assertThat(byProposer.status()).as(byProposer.toString()).isEqualTo(403);
		assertThat(status(request)).isEqualTo("ON_HOLD");
		assertThat(actions(id)).doesNotContain("pause.lifted");

		Api.Response lifted = this.api.as(this.policies.second().token())
			.post("/api/v1/pauses/" + id + "/lifting/confirmation", Map.of());
		assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
		assertThat(lifted.json().path("released").asInt()).isEqualTo(1);
		assertThat(status(request)).isEqualTo("IN_REVIEW");
		JsonNode policy = policy(this.policies.admin());
		assertThat(policy.path("pauses").findValuesAsString("id")).doesNotContain(id);
		assertThat(policy.path("liftedPauses").get(0).path("liftingRationale").asString())
			.isEqualTo("The law was amended");
		assertThat(actors(id, "pause.lifting-proposed")).containsExactly(this.policies.admin().id());
		assertThat(actors(id, "pause.lifted")).containsExactly(this.policies.second().id());
	}

	@Test
	void aProposalIsWithdrawnByItsProposerOrRejectedByAnotherAndNeverHoldsAnything() {
		String request = submit();
		String withdrawn = this.policies.propose(reviewPause()).json().path("id").asString();
		Api.Response withdrawal = this.api.as(this.policies.admin().token())
			.post("/api/v1/pauses/" + withdrawn + "/rejection", Map.of("reason", "Wrong jurisdiction"));
		assertThat(withdrawal.json().path("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(confirm(this.policies.second(), withdrawn).status()).isEqualTo(409);

		String rejected = this.policies.propose(reviewPause()).json().path("id").asString();
		Api.Response rejection = this.api.as(this.policies.second().token())
			.post("/api/v1/pauses/" + rejected + "/rejection", Map.of("reason", "No assessment behind it"));
		assertThat(rejection.json().path("status").asString()).isEqualTo("REJECTED");
		assertThat(status(request)).isEqualTo("IN_REVIEW");
		assertThat(policy(this.policies.admin()).path("proposedPauses").isEmpty()).isTrue();
		assertThat(actions(withdrawn)).containsExactly("pause.proposed", "pause.proposal-withdrawn");
		assertThat(actions(rejected)).containsExactly("pause.proposed", "pause.proposal-rejected");

		String inForce = this.policies.enact(reviewPause()).json().path("id").asString();
		this.policies.proposeLifting(inForce, "Pressure to resume");
		Api.Response declined = this.api.as(this.policies.second().token())
			.post("/api/v1/pauses/" + inForce + "/lifting/rejection", Map.of("reason", "The assessment stands"));
		assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
		assertThat(policy(this.policies.admin()).path("pauses").get(0).path("liftingProposal").isNull()).isTrue();
		assertThat(status(request)).isEqualTo("ON_HOLD");
		assertThat(actions(inForce)).endsWith("pause.lifting-proposed", "pause.lifting-rejected");
	}

	@Test
	void theServiceRefusesOtherRolesWhateverTheSurface() {
		String id = this.policies.propose(reviewPause()).json().path("id").asString();
		Person reviewer = this.world.staff("REVIEWER");
		assertThat(confirm(reviewer, id).status()).isEqualTo(403);
		CurrentUser approver = CurrentUser.staff(StaffId.random(), Set.of(Role.APPROVER, Role.ADMIN));
		assertThatThrownBy(() -> this.enforcement.confirm(UUID.fromString(id), approver))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("POLICY_ADMIN");
		assertThat(actions(id)).containsExactly("pause.proposed");
	}

	private static Map<String, Object> reviewPause() {
		return Policies.pause("LA", "FROM_AUTHORITIES", List.of("REVIEW"), "ALL", null, null);
	}

	private String submit() {
		return this.world.submit(this.officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
	}

	private String status(String request) {
		return this.world.officerView(this.officer, request).path("status").asString();
	}

	private Api.Response confirm(Person admin, String id) {
		return this.api.as(admin.token()).post("/api/v1/pauses/" + id + "/confirmation", Map.of());
	}

	private Api.Response review(Person admin, String id) {
		return this.api.as(admin.token())
			.post("/api/v1/pauses/" + id + "/review", Map.of("note", "Agreed: it could not wait"));
	}

	private JsonNode policy(Person staff) {
		Api.Response response = this.api.as(staff.token()).get("/api/v1/jurisdictions/LA/policy");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private List<String> actions(String pauseId) {
		return this.jdbc
			.sql("SELECT action FROM audit_event WHERE subject_type = 'pause' AND subject_id = ? ORDER BY seq")
			.param(pauseId)
			.query(String.class)
			.list();
	}

	private List<String> actors(String pauseId, String action) {
		return this.jdbc
			.sql("SELECT actor_id FROM audit_event WHERE subject_type = 'pause' AND subject_id = ? AND action = ?")
			.params(pauseId, action)
			.query(String.class)
			.list();
	}

}
