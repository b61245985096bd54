package org.custodian.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.audit.Checkpoint;
import org.custodian.audit.Checkpoints;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console through HTTP: sign-in with a second factor, the queue, the case page
 * with its assessment, four eyes, the audit verification.
 */
class ConsoleIntegrationTests extends IntegrationTest {

	@Autowired
	Checkpoints checkpoints;

	@Test
	void reviewerProposesAndASecondPersonApproves() {
		World.Person officer = this.world.officer(this.world.agency("US"));
		String id = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER", "NON_CONTENT"));

		WebSession reviewer = new WebSession(this.port);
		WebAccounts.staff(reviewer, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER", "APPROVER"));
		WebSession.Page queue = reviewer.get("/console/cases?status=IN_REVIEW&sort=newest");
		assertThat(queue.status()).isEqualTo(200);
		assertThat(queue.body()).contains("/console/cases/" + id);

		WebSession.Page assigned = reviewer.post("/console/cases/" + id + "/assignment", Map.of());
		assertThat(assigned.status()).isEqualTo(302);
		WebSession.Page page = reviewer.get("/console/cases/" + id);
		assertThat(page.body()).contains("The case is assigned to you").doesNotContain("Assign to me");
		assertThat(page.body()).contains("Screening against the legal tiers", "Supported",
				"Assessment and proposed decision");
		WebSession.Page incomplete = reviewer.post("/console/cases/" + id + "/decision",
				Map.of("outcome", "DISCLOSE", "reason", "Kept as typed"));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.body()).contains("Kept as typed", "is required");

		WebSession.Page proposed = reviewer.post("/console/cases/" + id + "/decision", decision());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(302);
		WebSession.Page own = reviewer.get("/console/cases/" + id);
		assertThat(own.body()).contains("Pending approval", "awaits approval by a second person")
			.doesNotContain("value=\"approve\"");
		WebSession.Page refused = reviewer.post("/console/cases/" + id + "/approval", Map.of("verdict", "approve"));
		assertThat(refused.status()).isEqualTo(403);

		WebSession approver = new WebSession(this.port);
		WebAccounts.staff(approver, this.world.staffAccount(WebAccounts.PASSWORD, "APPROVER"));
		assertThat(approver.get("/console/cases/" + id).body()).contains("value=\"approve\"");
		WebSession.Page approved = approver.post("/console/cases/" + id + "/approval",
				Map.of("verdict", "approve", "comment", "Agreed"));
		assertThat(approved.status()).isEqualTo(302);
		// production starts at once, so the status may already have moved on
		assertThat(approver.get("/console/cases/" + id).body()).contains("The decision is approved")
			.containsPattern("status-large status-(approved|producing|produced)\">(Approved|Producing|Produced)<");
		// Production of an approved disclosure starts at once.
		assertThat(this.world.officerView(officer, id).path("status").asString()).isIn("APPROVED", "PRODUCING",
				"PRODUCED");

		WebSession.Page timeline = approver.get("/console/cases/" + id + "/timeline");
		assertThat(timeline.body())
			.contains("The request was submitted.", "A decision was proposed.",
					"The decision was approved by a second person.", "Staff reviewer+approver (Approver, Reviewer)",
					"Viewed by ")
			.doesNotContain("request.submitted", "request.viewed", "staff ");
	}

	@Test
	void auditorVerifiesTheChainButAReviewerMayNot() {
		WebSession auditor = new WebSession(this.port);
		WebAccounts.staff(auditor, this.world.staffAccount(WebAccounts.PASSWORD, "AUDITOR"));
		auditor.get("/console/audit");
		Checkpoint checkpoint = this.checkpoints.take().orElseThrow();
		WebSession.Page verified = auditor.post("/console/audit/verification", Map.of());
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.body()).contains("The chain is intact",
				"event " + checkpoint.events() + ", signed " + checkpoint.signedAt());

		WebSession reviewer = new WebSession(this.port);
		WebAccounts.staff(reviewer, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		assertThat(reviewer.get("/console/audit").status()).isEqualTo(403);
	}

	@Test
	void queueFiltersByTypeAndPagesWithACursor() {
		World.Person officer = this.world.officer(this.world.agency("GB"));
		Map<String, Object> emergency = new LinkedHashMap<>();
		emergency.put("type", "EMERGENCY");
		emergency.put("targets", List.of(Map.of("kind", "USERNAME", "value", "at-risk")));
		emergency.put("categories", List.of("BASIC_SUBSCRIBER"));
		emergency.put("emergency",
				Map.of("threat", "Kidnapping", "supervisorName", "Sgt. Bell", "supervisorPhone", "+44 20 7946 0000"));
		String urgent = this.world.submit(officer, emergency);
		String ordinary = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		WebSession staff = new WebSession(this.port);
		WebAccounts.staff(staff, this.world.staffAccount(WebAccounts.PASSWORD, "INTAKE"));
		WebSession.Page emergencies = staff.get("/console/cases?type=EMERGENCY&jurisdiction=GB&sort=newest");
		assertThat(emergencies.body()).contains(urgent).doesNotContain(ordinary);
		WebSession.Page all = staff.get("/console/cases?jurisdiction=GB&sort=newest");
		assertThat(all.body()).contains(urgent, ordinary);
	}

	@Test
	void theDocumentOpensInTheBrowsersPdfViewer() {
		World.Person officer = this.world.officer(this.world.agency("US"));
		String id = this.api.as(officer.token())
			.postMultipart("/api/v1/requests", World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"), PDF, "order.pdf")
			.json()
			.path("id")
			.asString();
		WebSession staff = new WebSession(this.port);
		WebAccounts.staff(staff, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		assertThat(staff.get("/console/cases/" + id).body()).contains("/console/cases/" + id + "/document",
				"Open order.pdf");
		WebSession.Page document = staff.get("/console/cases/" + id + "/document");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(document.header("Content-Security-Policy")).contains("object-src 'self'")
			.doesNotContain("object-src 'none'");
		assertThat(document.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(document.body()).startsWith("%PDF-");
	}

	@Test
	void queuePagesWithACursorWithoutRepeatingOrSkippingCases() {
		World.Person officer = this.world.officer(this.world.agency("NZ"));
		java.util.Set<String> submitted = new java.util.HashSet<>();
		for (int i = 0; i < 27; i++) {
			submitted.add(this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER")));
		}
		WebSession staff = new WebSession(this.port);
		WebAccounts.staff(staff, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		WebSession.Page first = staff.get("/console/cases?jurisdiction=NZ&sort=newest");
		java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"(/console/cases\\?[^\"]*after=[^\"]+)\"")
			.matcher(first.body());
		assertThat(next.find()).as(first.body()).isTrue();
		WebSession.Page second = staff.get(next.group(1).replace("&amp;", "&"));
		java.util.List<String> seen = new java.util.ArrayList<>();
		for (String body : List.of(first.body(), second.body())) {
			java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"/console/cases/([0-9a-f-]{36})\"")
				.matcher(body);
			while (link.find()) {
				seen.add(link.group(1));
			}
		}
		assertThat(seen).hasSize(27).doesNotHaveDuplicates();
		assertThat(new java.util.HashSet<>(seen)).isEqualTo(submitted);
	}

	private static Map<String, String> decision() {
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : List.of("legality", "legitimateAim", "necessity", "proportionality", "competentAuthority",
				"companyPolicy", "humanRights")) {
			form.put("assessment." + field + ".verdict", "SATISFIED");
			form.put("assessment." + field + ".note", "Checked " + field);
		}
		form.put("outcome", "DISCLOSE");
		form.put("categories", "BASIC_SUBSCRIBER");
		form.put("reason", "Valid order, proportionate scope");
		return form;
	}

}
