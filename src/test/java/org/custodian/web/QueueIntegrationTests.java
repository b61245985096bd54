package org.custodian.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines and the queue (issue 14): each request's due time from the rules, the API's
 * and the console's orders and filters, and assignment. Each test works in a jurisdiction
 * no other test uses, since all tests share one database.
 */
class QueueIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachRequestIsDueByTheRuleForItsKind() {
		Person officer = this.world.officer(this.world.agency("EE"));
		String emergency = this.world.submit(officer, emergency("tallinn-1"));
		String preservation = this.world.submit(officer, preservation("tallinn-2"));
		String withoutDate = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		LocalDate returnDate = LocalDate.now(ZoneOffset.UTC).plusDays(5);
		Map<String, Object> dated = new HashMap<>(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		dated.put("respondBy", returnDate.toString());
		String withDate = this.world.submit(officer, dated);

		assertThat(dueAfterReceipt(emergency)).isEqualTo(Duration.ofHours(4));
		assertThat(dueAfterReceipt(preservation)).isEqualTo(Duration.ofDays(1));
		// Estonia's default (14 days) overrides the platform's 30
		assertThat(dueAfterReceipt(withoutDate)).isEqualTo(Duration.ofDays(14));
		assertThat(caseOf(withDate).path("dueAt").asString())
			.isEqualTo(returnDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
		assertThat(caseOf(withDate).path("request").path("respondBy").asString()).isEqualTo(returnDate.toString());

		Map<String, Object> late = new HashMap<>(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		late.put("respondBy", "2020-01-01");
		Api.Response refused = this.api.as(officer.token()).post("/api/v1/requests", late);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("respondBy");

		Person legal = this.world.officer(this.world.agency("CA"));
		assertThat(dueAfterReceipt(this.world.submit(legal, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"))))
			.isEqualTo(Duration.ofDays(30));
	}

	@Test
	void thePortalTakesTheInstrumentsReturnDate() {
		WebSession web = new WebSession(this.port);
		WebAccounts.officer(web, this.world.agency("EE"));
		assertThat(web.get("/portal/requests/new").body()).contains("Return date (optional)", "name=\"respondBy\"");
		LocalDate returnDate = LocalDate.now(ZoneOffset.UTC).plusDays(9);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "LEGAL_PROCESS");
		form.put("instrument", "SUBPOENA");
		form.put("legalBasis", "Code of Criminal Procedure § 90");
		form.put("targets[0].kind", "USERNAME");
		form.put("targets[0].value", "tallinn-9");
		form.put("categories", "BASIC_SUBSCRIBER");
		form.put("respondBy", returnDate.toString());
		form.put("idempotencyKey", UUID.randomUUID().toString());
		String path = WebAccounts.submit(web, form);
		String id = path.substring(path.lastIndexOf('/') + 1);
		assertThat(caseOf(id).path("dueAt").asString())
			.isEqualTo(returnDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
	}

	@Test
	void theApiSortsByUrgencyNewestOrOldestAndPagesInEachOrder() {
		Person officer = this.world.officer(this.world.agency("LT"));
		String firstLegal = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		String preservation = this.world.submit(officer, preservation("vilnius-1"));
		String emergency = this.world.submit(officer, emergency("vilnius-2"));
		String secondLegal = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Person reviewer = this.world.staff("REVIEWER");

		// Emergency first whatever the rest, then by due time: the preservation (a day),
		// then legal process (30 days) in the order received.
		List<String> byUrgency = List.of(emergency, preservation, firstLegal, secondLegal);
		assertThat(ids(reviewer, "jurisdiction=LT&sort=due", 50)).containsExactlyElementsOf(byUrgency);
		assertThat(ids(reviewer, "jurisdiction=LT&sort=due", 1)).containsExactlyElementsOf(byUrgency);
		assertThat(ids(reviewer, "jurisdiction=LT&sort=newest", 1)).containsExactly(secondLegal, emergency,
				preservation, firstLegal);
		assertThat(ids(reviewer, "jurisdiction=LT&sort=oldest", 1)).containsExactly(firstLegal, preservation, emergency,
				secondLegal);
		assertThat(ids(reviewer, "jurisdiction=LT", 50)).as("the API's default order stays oldest first")
			.containsExactly(firstLegal, preservation, emergency, secondLegal);

		Api.Response wrong = this.api.as(reviewer.token()).get("/api/v1/cases?sort=priority");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
		assertThat(wrong.errorFields()).containsExactly("sort");
		String newestCursor = this.api.as(reviewer.token())
			.get("/api/v1/cases?jurisdiction=LT&sort=newest&limit=1")
			.json()
			.path("next")
			.asString();
		Api.Response mixed = this.api.as(reviewer.token())
			.get("/api/v1/cases?jurisdiction=LT&sort=due&after=" + newestCursor);
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.errorFields()).containsExactly("after");

		JsonNode first = this.api.as(reviewer.token()).get("/api/v1/cases?jurisdiction=LT&sort=due").json();
		assertThat(first.path("items").get(0).path("dueAt").asString()).isNotBlank();
		assertThat(first.path("items").get(0).path("overdue").asBoolean()).isFalse();
		assertThat(first.path("items").get(0).path("dueSoon").asBoolean()).isTrue();
	}

	@Test
	void overdueDueSoonAndMineFilterTheQueueAndAssignmentIsAudited() {
		Person officer = this.world.officer(this.world.agency("KE"));
		String emergency = this.world.submit(officer, emergency("nairobi-1"));
		String legal = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		String lateLegal = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		monthPasses(lateLegal);
		Person reviewer = this.world.staff("REVIEWER");
		Person intake = this.world.staff("INTAKE");

		assertThat(ids(reviewer, "jurisdiction=KE&overdue=true", 50)).containsExactly(lateLegal);
		assertThat(ids(reviewer, "jurisdiction=KE&dueSoon=true", 50)).containsExactly(emergency);
		assertThat(ids(reviewer, "jurisdiction=KE&mine=true", 50)).isEmpty();

		Api.Response assigned = this.api.as(intake.token())
			.post("/api/v1/cases/" + legal + "/assignment", Map.of("reviewerId", reviewer.id()));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(ids(reviewer, "jurisdiction=KE&mine=true&sort=due", 50)).containsExactly(legal);
		assertThat(ids(intake, "jurisdiction=KE&mine=true", 50)).isEmpty();
		JsonNode mine = this.api.as(reviewer.token()).get("/api/v1/cases?jurisdiction=KE&mine=true").json();
		assertThat(mine.path("items").get(0).path("assigneeName").asString()).isEqualTo("Staff reviewer");
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'request.assigned' AND actor_id = ?")
			.params(legal, intake.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// An auditor may read the queue but not assign: refused, and the case stays as it
		// was.
		Person auditor = this.world.staff("AUDITOR");
		Api.Response refused = this.api.as(auditor.token())
			.post("/api/v1/cases/" + emergency + "/assignment", Map.of("reviewerId", reviewer.id()));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.jdbc.sql("SELECT assignee_id IS NULL FROM review_case WHERE request_id = ?::uuid")
			.param(emergency)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void theConsoleOpensOnOpenCasesMostUrgentFirstWithDueAgeAndAssignee() {
		Person officer = this.world.officer(this.world.agency("LV"));
		String legal = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		String late = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		monthPasses(late);
		String emergency = this.world.submit(officer, emergency("riga-1"));
		String withdrawn = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response withdrawal = this.api.as(officer.token())
			.post("/api/v1/requests/" + withdrawn + "/withdrawal", Map.of("reason", "Closed"));
		assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);

		WebSession console = new WebSession(this.port);
		World.Account account = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		WebAccounts.staff(console, account);
		String body = console.get("/console/cases?jurisdiction=LV").body();
		assertThat(body).contains("<option value=\"OPEN\" selected=\"selected\">Open</option>",
				"<option value=\"due\" selected=\"selected\">Most urgent first</option>", "Due", "Age", "Assignee",
				"Unassigned", "Overdue", "Due soon");
		assertThat(body.indexOf(emergency)).as("the emergency first").isPositive().isLessThan(body.indexOf(late));
		assertThat(body.indexOf(late)).as("then the overdue legal process").isLessThan(body.indexOf(legal));
		assertThat(body).doesNotContain(withdrawn);
		assertThat(console.get("/console/cases?jurisdiction=LV&status=").body()).as("Any status").contains(withdrawn);

		assertThat(console.post("/console/cases/" + legal + "/assignment", Map.of()).status()).isEqualTo(302);
		String mine = console.get("/console/cases?jurisdiction=LV&mine=true").body();
		assertThat(mine).contains(legal, "Staff reviewer").doesNotContain(emergency).doesNotContain(late);
		String overdue = console.get("/console/cases?jurisdiction=LV&overdue=true").body();
		assertThat(overdue).contains(late).doesNotContain(emergency).doesNotContain("/console/cases/" + legal);
		String soon = console.get("/console/cases?jurisdiction=LV&dueSoon=true").body();
		assertThat(soon).contains(emergency).doesNotContain(late);
		assertThat(console.get("/console/cases?sort=sideways").status()).isEqualTo(400);
	}

	private Duration dueAfterReceipt(String id) {
		JsonNode file = caseOf(id);
		return Duration.between(Instant.parse(file.path("receivedAt").asString()),
				Instant.parse(file.path("dueAt").asString()));
	}

	private JsonNode caseOf(String id) {
		Api.Response response = this.api.as(this.world.staff("INTAKE").token()).get("/api/v1/cases/" + id);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** All ids of the query's pages, walking the cursors. */
	private List<String> ids(Person staff, String query, int limit) {
		List<String> ids = new ArrayList<>();
		String after = null;
		do {
			Api.Response response = this.api.as(staff.token())
				.get("/api/v1/cases?" + query + "&limit=" + limit + ((after != null) ? "&after=" + after : ""));
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			JsonNode page = response.json();
			page.path("items").forEach((item) -> ids.add(item.path("id").asString()));
			after = (page.path("next").isNull() || page.path("next").isMissingNode()) ? null
					: page.path("next").asString();
		}
		while (after != null);
		return ids;
	}

	/**
	 * A month passes for the request: the test cannot wait, so its receipt and due time
	 * move a month back.
	 */
	private void monthPasses(String id) {
		assertThat(this.jdbc
			.sql("""
					UPDATE review_case SET due_at = due_at - interval '31 days', received_at = received_at - interval '31 days'
					WHERE request_id = ?::uuid""")
			.param(id)
			.update()).isEqualTo(1);
	}

	static Map<String, Object> emergency(String username) {
		return Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "USERNAME", "value", username)),
				"categories", List.of("BASIC_SUBSCRIBER"), "emergency", Map.of("threat", "Threat to attack a school",
						"supervisorName", "Sgt. Caller", "supervisorPhone", "+372 612 3000"));
	}

	static Map<String, Object> preservation(String username) {
		return Map.of("type", "PRESERVATION", "legalBasis", "Preservation pending an order", "targets",
				List.of(Map.of("kind", "USERNAME", "value", username)));
	}

}
