package org.custodian.web;

import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer follows a request's status over time (issue 14): in the portal, sentences
 * in the reader's language, the response team never by name, a hold with its reason; only
 * for the owner and delegates (a colleague without access 403, another agency 404); and
 * at {@code GET /api/v1/requests/{id}} as {@code history}, next to the fields it had.
 */
class StatusHistoryIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void liftPauses() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void theOwnerAndADelegateReadWhatHappenedAndNoOneElseDoes() {
		WebAccounts.Circle officers = WebAccounts.Circle.of(this.world, this.port, this.world.agency("US"));
		WebSession owner = officers.owner();
		String path = WebAccounts.submitSubpoena(owner);
		String id = path.substring(path.lastIndexOf('/') + 1);
		owner.get(path);
		assertThat(owner.post(path + "/delegations", Map.of("email", officers.delegateEmail())).status())
			.isEqualTo(302);

		Person reviewer = this.world.staff("REVIEWER");
		Api.Response asked = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/questions", Map.of("question", "Which account, exactly?"));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
		owner.get(path);
		assertThat(owner.post(path + "/answer", Map.of("answer", "The one registered in 2019.")).status())
			.isEqualTo(302);
		assertThat(this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("NO_DATA", List.of()))
			.status()).isEqualTo(200);
		assertThat(this.api.as(this.world.staff("APPROVER").token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"))
			.status()).isEqualTo(200);

		assertThat(owner.get(path).body()).contains("hx-get=\"" + path + "/history\"");
		for (WebSession allowed : new WebSession[] { owner, officers.delegate() }) {
			WebSession.Page history = allowed.get(path + "/history");
			assertThat(history.status()).isEqualTo(200);
			assertThat(history.body()).containsSubsequence("Your agency submitted the request.",
					"Automatic checks started.", "The response team is reviewing the request.",
					"The response team asked a question.", "Your agency answered; the request is back in review.",
					"The response team proposed a decision; a second person reviews it.",
					"The response team closed the request: No data.");
			assertThat(history.body()).doesNotContain("Staff ", "request.submitted", "request.closed", "IN_REVIEW",
					"NEEDS_INFO", "Agreed");
		}
		assertThat(owner.get(path + "/history?lang=zh-TW").body()).contains("貴機關已提出請求。", "回應團隊提出了一個問題。", "回應團隊已結案：");
		assertThat(officers.colleague().get(path).body()).doesNotContain(path + "/history");
		assertThat(officers.colleague().get(path + "/history").status()).isEqualTo(403);
		assertThat(officers.stranger().get(path + "/history").status()).isEqualTo(404);
	}

	@Test
	void aHoldShowsItsReasonInTheReadersLanguageAndTheApiListsEveryStep() {
		World.Agency agency = this.world.agency("MN");
		Person officer = this.world.officer(agency);
		String before = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		new Policies(this.api, this.world)
			.enact(Policies.pause("MN", "FROM_AUTHORITIES", List.of("REVIEW"), "ALL", null, "The law is amended"));
		String after = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		for (String id : List.of(before, after)) {
			JsonNode view = this.api.as(officer.token()).get("/api/v1/requests/" + id).json();
			assertThat(view.path("caseNumber").asString()).startsWith("CR-");
			assertThat(view.path("status").asString()).isEqualTo("ON_HOLD");
			assertThat(view.path("holdReason").asString()).isNotEmpty();
			JsonNode history = view.path("history");
			assertThat(history.get(0).path("event").asString()).isEqualTo("request.submitted");
			assertThat(history.get(0).path("status").asString()).isEqualTo("RECEIVED");
			JsonNode held = history.get(history.size() - 1);
			assertThat(held.path("event").asString()).isEqualTo("request.held");
			assertThat(held.path("status").asString()).isEqualTo("ON_HOLD");
			assertThat(held.path("pauseId").asString()).isEqualTo(view.path("heldByPause").asString());
			assertThat(held.path("at").asString()).isNotEmpty();
		}
		Api.Response stranger = this.api.as(this.world.officer(this.world.agency("US")).token())
			.get("/api/v1/requests/" + before);
		assertThat(stranger.status()).isEqualTo(404);
	}

	@Test
	void aPortalHoldIsWordedFromItsPauseUntilThePauseIsLifted() {
		World.Agency agency = this.world.agency("MN");
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, agency);
		new Policies(this.api, this.world)
			.enact(Policies.pause("MN", "FROM_AUTHORITIES", List.of("REVIEW"), "ALL", null, "The law is amended"));
		String path = WebAccounts.submitSubpoena(owner);
		String held = owner.get(path + "/history?lang=zh-TW").body();
		assertThat(held).contains("請求已被暫停處理。", "來自 MN 機關的請求", "The law is amended");
		Policies.liftAll(this.jdbc);
		assertThat(owner.get(path + "/history?lang=en").body()).contains("The request was put on hold.",
				"The pause that held it has since been lifted.");
	}

}
