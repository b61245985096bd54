package org.custodian.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.IntegrationTest;
import org.custodian.support.TestMail;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency portal through HTTP, as a browser without JavaScript uses it.
 */
class PortalIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void officerRegistersConfirmsEnrolsAndSeesTheirRequests() {
		World.Agency agency = this.world.agency("HK");
		WebSession web = new WebSession(this.port);
		String email = WebAccounts.officer(web, agency);
		WebSession.Page requests = web.get("/portal/requests");
		assertThat(requests.status()).isEqualTo(200);
		assertThat(requests.body()).contains("My requests");
		String officerId = this.jdbc.sql("SELECT id::text FROM officer WHERE email = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'login.succeeded' AND subject_id = ?")
			.param(officerId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'second-factor.enrolled' AND subject_id = ?")
			.param(officerId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void registrationAnswersAlikeWhetherOrNotTheDomainIsRegistered() {
		WebSession web = new WebSession(this.port);
		web.get("/portal/register");
		String stranger = "someone@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
		WebSession.Page unknown = web.post("/portal/register", registration(stranger));
		World.Agency agency = this.world.agency("HK");
		String officer = "real-" + UUID.randomUUID().toString().substring(0, 8) + "@" + agency.domain();
		WebSession.Page known = web.post("/portal/register", registration(officer));
		assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
		assertThat(unknown.body().replace(stranger, "X")).isEqualTo(known.body().replace(officer, "X"));
		assertThat(TestMail.bodiesTo(stranger)).isEmpty();
		assertThat(TestMail.linkTo(officer)).contains("/portal/confirm?token=");
	}

	@Test
	void registrationKeepsWhatWasTypedAndNamesEachProblem() {
		WebSession web = new WebSession(this.port);
		web.get("/portal/register");
		WebSession.Page page = web.post("/portal/register",
				Map.of("email", "not-an-address", "name", "Insp. Wong", "title", ""));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("value=\"not-an-address\"", "value=\"Insp. Wong\"",
				"is not an e-mail address");

		World.Agency agency = this.world.agency("HK");
		String email = "wong-" + UUID.randomUUID().toString().substring(0, 8) + "@" + agency.domain();
		web.post("/portal/register", registration(email));
		String link = TestMail.linkTo(email);
		web.get(link);
		WebSession.Page weak = web.post("/portal/confirm", Map.of("token", link.substring(link.indexOf("token=") + 6),
				"password", "short", "passwordConfirmation", "other"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("needs at least 12 characters", "does not match the password");
		assertThat(WebAccounts.confirm(web, link, WebAccounts.PASSWORD).status())
			.as("the link still works after a rejected password")
			.isEqualTo(200);
	}

	@Test
	void submissionShowsFieldErrorsAndKeepsWhatWasTyped() {
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, this.world.agency("HK"));
		web.get("/portal/requests/new");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "LEGAL_PROCESS");
		form.put("instrument", "COURT_ORDER");
		form.put("legalBasis", "");
		form.put("targets[0].kind", "EMAIL");
		form.put("targets[0].value", "suspect@example.com");
		form.put("from", "2020-07-01");
		form.put("to", "2020-01-01");
		form.put("offence", "Sedition, typed with care");
		WebSession.Page page = web.post("/portal/requests", form);
		assertThat(page.status()).as(page.toString()).isEqualTo(400);
		assertThat(page.body()).contains("value=\"suspect@example.com\"", "Sedition, typed with care",
				"is required for legal process", "needs at least one data category", "is after to");
	}

	@Test
	void thePortalSpeaksTraditionalChineseIncludingItsFieldProblems() {
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, this.world.agency("HK"));
		assertThat(web.get("/portal/requests/new?lang=zh-TW").body()).contains("lang=\"zh-TW\"", "提交請求", "法律依據");
		WebSession.Page page = web.post("/portal/requests",
				Map.of("type", "LEGAL_PROCESS", "instrument", "COURT_ORDER", "targets[0].value", ""));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("請更正以下項目", "法律程序請求必填", "至少需要一個資料類別", "至少需要一項帳戶識別資料")
			.doesNotContain("needs at least one data category");
	}

	@Test
	void submittedRequestAppearsInMyRequestsAndCanBeWithdrawn() {
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, this.world.agency("US"));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "LEGAL_PROCESS");
		form.put("instrument", "SUBPOENA");
		form.put("legalBasis", "18 U.S.C. 2703(c)(2)");
		form.put("targets[0].kind", "USERNAME");
		form.put("targets[0].value", "suspect01");
		form.put("targets[1].kind", "PHONE");
		form.put("targets[1].value", "+1 202 555 0101");
		form.put("categories", "BASIC_SUBSCRIBER");
		form.put("idempotencyKey", UUID.randomUUID().toString());
		String path = WebAccounts.submit(web, form);
		WebSession.Page request = web.get(path);
		assertThat(request.body()).contains("has been received", "suspect01", "+1 202 555 0101", "In review");
		assertThat(web.get("/portal/requests").body()).contains("In review", "Basic subscriber information");
		WebSession.Page withdrawn = web.post(path + "/withdrawal", Map.of("reason", "Case closed"));
		assertThat(withdrawn.status()).isEqualTo(302);
		assertThat(web.get(path).body()).contains("Withdrawn", "has been withdrawn");
	}

	@Test
	void theSameIdentifierCannotBeSubmittedTwiceByADoubleClick() {
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, this.world.agency("US"));
		web.get("/portal/requests/new");
		Map<String, String> form = Map.of("type", "PRESERVATION", "targets[0].kind", "USERNAME", "targets[0].value",
				"keep-me", "idempotencyKey", UUID.randomUUID().toString());
		WebSession.Page first = web.post("/portal/requests", form);
		WebSession.Page second = web.post("/portal/requests", form);
		assertThat(second.location()).isEqualTo(first.location());
	}

	@Test
	void officerReadsTheReviewersQuestionAndReplies() {
		World.Agency agency = this.world.agency("US");
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, agency);
		web.get("/portal/requests/new");
		WebSession.Page submitted = web.post("/portal/requests",
				Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Grand jury subpoena 7",
						"targets[0].kind", "EMAIL", "targets[0].value", "who@example.com", "categories",
						"BASIC_SUBSCRIBER"));
		String path = submitted.location().replaceFirst("^https?://[^/]+", "");
		String id = path.substring(path.lastIndexOf('/') + 1);
		World.Person reviewer = this.world.staff("REVIEWER");
		assertThat(this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/questions", Map.of("question", "Which account holder, exactly?"))
			.status()).isEqualTo(200);

		WebSession.Page request = web.get(path);
		assertThat(request.body()).contains("Needs information", "Which account holder, exactly?", "Your reply");
		WebSession.Page empty = web.post(path + "/answer", Map.of("answer", " "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("is required");
		WebSession.Page answered = web.post(path + "/answer", Map.of("answer", "The one registered in 2019."));
		assertThat(answered.status()).isEqualTo(302);
		assertThat(web.get(path).body()).contains("In review", "The one registered in 2019.");
	}

	@Test
	void anotherAgencysRequestDoesNotExistForTheOfficer() {
		World.Person stranger = this.world.officer(this.world.agency("US"));
		String id = this.world.submit(stranger, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, this.world.agency("US"));
		assertThat(web.get("/portal/requests/" + id).status()).isEqualTo(404);
	}

	private static Map<String, String> registration(String email) {
		return Map.of("email", email, "name", "Insp. Lee", "title", "");
	}

}
