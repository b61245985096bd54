package org.custodian.web;

import java.util.Map;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegating a request to a colleague of the same agency in the portal: who sees it in
 * "My requests", who may act on it, and what is refused.
 */
class DelegationIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void ownerDelegatesAColleagueWhoRepliesAndLosesAccessWhenRevoked() {
		World.Agency agency = this.world.agency("CA");
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, agency);
		WebSession colleague = new WebSession(this.port);
		String colleagueEmail = WebAccounts.officer(colleague, agency);
		String path = submit(owner);
		String id = path.substring(path.lastIndexOf('/') + 1);
		String caseNumber = caseNumber(id);

		assertThat(colleague.get("/portal/requests").body()).doesNotContain(caseNumber);
		WebSession.Page readOnly = colleague.get(path);
		assertThat(readOnly.status()).isEqualTo(200);
		assertThat(readOnly.body()).contains("Only the officer who submitted it")
			.doesNotContain("name=\"reason\"")
			.doesNotContain("Colleagues with access");

		owner.get(path);
		WebSession.Page delegated = owner.post(path + "/delegations", Map.of("email", colleagueEmail));
		assertThat(delegated.status()).as(delegated.toString()).isEqualTo(302);
		assertThat(owner.get(path).body()).contains("Colleagues with access", colleagueEmail, "Revoke");
		assertThat(events("request.delegated", id)).isEqualTo(1);

		WebSession.Page list = colleague.get("/portal/requests");
		assertThat(list.body()).contains(caseNumber, "Delegated to you");
		askQuestion(id);
		WebSession.Page question = colleague.get(path);
		assertThat(question.body()).contains("Which account holder, exactly?", "Your reply");
		WebSession.Page answered = colleague.post(path + "/answer", Map.of("answer", "The one registered in 2019."));
		assertThat(answered.status()).as(answered.toString()).isEqualTo(302);
		assertThat(owner.get(path).body()).contains("In review", "The one registered in 2019.");

		String colleagueId = this.jdbc.sql("SELECT id::text FROM officer WHERE email = ?")
			.param(colleagueEmail)
			.query(String.class)
			.single();
		owner.get(path);
		WebSession.Page revoked = owner.post(path + "/delegations/" + colleagueId + "/revocation", Map.of());
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(302);
		assertThat(events("request.delegation-revoked", id)).isEqualTo(1);
		assertThat(colleague.get("/portal/requests").body()).doesNotContain(caseNumber);
		colleague.get(path);
		assertThat(colleague.post(path + "/withdrawal", Map.of("reason", "not mine")).status()).isEqualTo(403);
		assertThat(owner.get(path).body()).contains("In review");
	}

	@Test
	void aColleagueOfAnotherAgencyIsRefusedWithAFieldErrorKeepingWhatWasTyped() {
		World.Agency agency = this.world.agency("CA");
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, agency);
		WebSession foreign = new WebSession(this.port);
		String foreignEmail = WebAccounts.officer(foreign, this.world.agency("CA"));
		String path = submit(owner);
		String id = path.substring(path.lastIndexOf('/') + 1);

		owner.get(path);
		WebSession.Page refused = owner.post(path + "/delegations", Map.of("email", foreignEmail));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("is not an active officer of your agency",
				"value=\"" + foreignEmail + "\"");
		WebSession.Page empty = owner.post(path + "/delegations", Map.of("email", " "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("is required");
		assertThat(events("request.delegated", id)).isZero();

		assertThat(foreign.get(path).status()).isEqualTo(404);
		foreign.get("/portal/requests");
		assertThat(foreign.post(path + "/delegations", Map.of("email", foreignEmail)).status()).isEqualTo(404);
		assertThat(foreign.post(path + "/answer", Map.of("answer", "x")).status()).isEqualTo(404);
	}

	@Test
	void onlyTheOwnerDelegatesAndEveryFormNeedsItsCsrfToken() {
		World.Agency agency = this.world.agency("CA");
		WebSession owner = new WebSession(this.port);
		String ownerEmail = WebAccounts.officer(owner, agency);
		WebSession colleague = new WebSession(this.port);
		String colleagueEmail = WebAccounts.officer(colleague, agency);
		String path = submit(owner);

		owner.get(path);
		WebSession.Page self = owner.post(path + "/delegations", Map.of("email", ownerEmail));
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.body()).contains("is you: you own this request");
		assertThat(owner.postRaw(path + "/delegations", Map.of("email", colleagueEmail)).status()).isEqualTo(403);
		assertThat(owner.post(path + "/delegations", Map.of("email", colleagueEmail)).status()).isEqualTo(302);
		WebSession.Page again = owner.post(path + "/delegations", Map.of("email", colleagueEmail.toUpperCase()));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("already has access to this request");

		colleague.get(path);
		assertThat(colleague.post(path + "/delegations", Map.of("email", ownerEmail)).status()).isEqualTo(403);
		assertThat(colleague.get(path).body()).doesNotContain("Colleagues with access");
	}

	@Test
	void theDelegationPanelSpeaksTraditionalChinese() {
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, this.world.agency("CA"));
		String path = submit(owner);
		assertThat(owner.get(path + "?lang=zh-TW").body()).contains("可存取的同事", "授予存取權");
		WebSession.Page refused = owner.post(path + "/delegations", Map.of("email", "nobody@example.org"));
		assertThat(refused.body()).contains("不是貴機關的在職人員");
		WebSession stranger = new WebSession(this.port);
		WebAccounts.officer(stranger, this.world.agency("CA"));
		WebSession.Page missing = stranger.get(path + "?lang=zh-TW");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("找不到此請求。").doesNotContain("No request with this id.");
	}

	private String submit(WebSession web) {
		return WebAccounts.submit(web,
				Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Production order 12",
						"targets[0].kind", "EMAIL", "targets[0].value", "who@example.com", "categories",
						"BASIC_SUBSCRIBER"));
	}

	private void askQuestion(String id) {
		World.Person reviewer = this.world.staff("REVIEWER");
		assertThat(this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/questions", Map.of("question", "Which account holder, exactly?"))
			.status()).isEqualTo(200);
	}

	private String caseNumber(String id) {
		return this.jdbc.sql("SELECT case_number FROM review_case WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

	private long events(String action, String requestId) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject_id = ?")
			.params(action, requestId)
			.query(Long.class)
			.single();
	}

}
