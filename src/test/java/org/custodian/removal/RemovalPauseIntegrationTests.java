package org.custodian.removal;

import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pauses apply to removal requests too, each pause to the kinds of request it covers: a
 * pause for removals holds removal requests and not data requests, a pause for data
 * requests (the default) the other way round; a pause of production holds an approved
 * removal's effect until it is lifted. Each test has a jurisdiction of its own.
 */
class RemovalPauseIntegrationTests extends IntegrationTest {

	private Removals removals;

	private Policies policies;

	private World.Person reviewer;

	private World.Person approver;

	@BeforeEach
	void people() {
		this.removals = new Removals(this.api);
		this.policies = new Policies(this.api, this.world);
		this.reviewer = this.world.staff("REVIEWER");
		this.approver = this.world.staff("APPROVER");
	}

	@Test
	void aPauseForRemovalsHoldsRemovalRequestsAndNotDataRequests() {
		World.Person officer = this.world.officer(this.world.agency("SM"));
		String removal = this.removals.submit(officer, Removals.order(List.of("SM"), Removals.post()));
		String data = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Map<String, Object> pause = pause("SM", List.of("REVIEW"), List.of("REMOVAL_REQUESTS"));
		Api.Response preview = this.policies.preview(pause);
		assertThat(preview.json().path("removalRequests").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(preview.json().path("affected").asLong()).isZero();

		String pauseId = this.policies.enact(pause).json().path("id").asString();
		JsonNode held = officerView(officer, removal);
		assertThat(held.path("status").asString()).isEqualTo("ON_HOLD");
		assertThat(held.path("holdReason").asString()).contains("SM");
		assertThat(this.world.officerView(officer, data).path("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(this.api.as(this.policies.admin().token()).get("/api/v1/jurisdictions/SM/policy").text())
			.contains("REMOVAL_REQUESTS");

		Api.Response newRemoval = this.api.as(officer.token())
			.post("/api/v1/removal-requests", Removals.order(List.of("SM"), Removals.post()));
		assertThat(newRemoval.json().path("status").asString()).isEqualTo("ON_HOLD");
		String newData = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		assertThat(this.world.officerView(officer, newData).path("status").asString()).isEqualTo("IN_REVIEW");
		String item = this.removals.itemIds(this.reviewer, removal).get(0);
		assertThat(this.removals.propose(this.reviewer, removal, Map.of(item, "REMOVE_GLOBALLY")).status())
			.isEqualTo(409);

		Api.Response lifted = this.policies.lift(pauseId, "Due diligence concluded");
		assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
		assertThat(officerView(officer, removal).path("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(officerView(officer, newRemoval.json().path("id").asString()).path("status").asString())
			.isEqualTo("IN_REVIEW");
	}

	@Test
	void aPauseForDataRequestsHoldsDataRequestsAndNotRemovalRequests() {
		World.Person officer = this.world.officer(this.world.agency("AD"));
		String removal = this.removals.submit(officer, Removals.order(List.of("AD"), Removals.post()));
		String data = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		// No "covers": a pause covers data requests, as every pause did before removals.
		String pauseId = this.policies
			.enact(Policies.pause("AD", "FROM_AUTHORITIES", List.of("REVIEW", "PRODUCTION"), "ALL", null, null))
			.json()
			.path("id")
			.asString();
		try {
			assertThat(this.world.officerView(officer, data).path("status").asString()).isEqualTo("ON_HOLD");
			assertThat(officerView(officer, removal).path("status").asString()).isEqualTo("IN_REVIEW");
			String post = Removals.post();
			String another = this.removals.submit(officer, Removals.order(List.of("AD"), post));
			String item = this.removals.itemIds(this.reviewer, another).get(0);
			assertThat(this.removals.propose(this.reviewer, another, Map.of(item, "REMOVE_GLOBALLY")).status())
				.isEqualTo(200);
			assertThat(this.removals.approve(this.approver, another).status()).isEqualTo(200);
			assertThat(officerView(officer, another).path("items").get(0).path("effect").asString())
				.isEqualTo("REMOVED");
			assertThat(this.removals.seen(post, "AD").path("visible").asBoolean()).isFalse();
		}
		finally {
			assertThat(this.policies.lift(pauseId, "Test over").status()).isEqualTo(200);
		}
	}

	@Test
	void aPauseOfProductionHoldsAnApprovedRemovalsEffectUntilLifted() {
		World.Person officer = this.world.officer(this.world.agency("TO"));
		String pauseId = this.policies
			.enact(pause("TO", List.of("PRODUCTION"), List.of("REMOVAL_REQUESTS", "DATA_REQUESTS")))
			.json()
			.path("id")
			.asString();
		String post = Removals.post();
		String removal = this.removals.submit(officer, Removals.order(List.of("TO"), post));
		String item = this.removals.itemIds(this.reviewer, removal).get(0);
		assertThat(this.removals.propose(this.reviewer, removal, Map.of(item, "REMOVE_GLOBALLY")).status())
			.isEqualTo(200);
		assertThat(this.removals.approve(this.approver, removal).status()).isEqualTo(200);

		JsonNode approved = officerView(officer, removal).path("items").get(0);
		assertThat(approved.path("decision").asString()).isEqualTo("REMOVE_GLOBALLY");
		assertThat(approved.path("effectPending").asBoolean()).isTrue();
		assertThat(approved.path("effectGivenAt").isNull()).isTrue();
		assertThat(this.removals.seen(post, "TO").path("visible").asBoolean()).isTrue();

		assertThat(this.policies.lift(pauseId, "Production may resume").status()).isEqualTo(200);
		JsonNode given = officerView(officer, removal).path("items").get(0);
		assertThat(given.path("effect").asString()).isEqualTo("REMOVED");
		assertThat(given.path("effectPending").asBoolean()).isFalse();
		assertThat(given.path("effectGivenAt").asString()).isNotBlank();
		assertThat(this.removals.seen(post, "TO").path("visible").asBoolean()).isFalse();
	}

	private JsonNode officerView(World.Person officer, String id) {
		Api.Response response = this.api.as(officer.token()).get("/api/v1/removal-requests/" + id);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static Map<String, Object> pause(String jurisdiction, List<String> stages, List<String> covers) {
		Map<String, Object> pause = Policies.pause(jurisdiction, "FROM_AUTHORITIES", stages, "ALL", null, null);
		pause.put("covers", covers);
		return pause;
	}

}
