package org.custodian.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.audit.AuditLog;
import org.custodian.disclosure.EmergencyChecks;
import org.custodian.disclosure.ProductionService;
import org.custodian.notice.Notices;
import org.custodian.preservation.Preservations;
import org.custodian.review.CaseQueries;
import org.custodian.shared.AgencyId;
import org.custodian.shared.OfficerId;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.review.Decision;
import org.custodian.review.ReviewService;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.RequestId;
import org.custodian.shared.StaffId;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attack of issue 10: staff signed in to the console, with their own CSRF token,
 * posting the decision and approval forms their role does not offer them. Each refusal is
 * a 403 page and changes nothing: not the request's status, not its audit trail. The use
 * cases refuse on their own too, behind the URL rules.
 */
class ConsoleAuthorizationIntegrationTests extends IntegrationTest {

	private static final Map<String, String> DECISION = Map.of("outcome", "DISCLOSE", "categories", "BASIC_SUBSCRIBER",
			"reason", "Proposed by someone who may not");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReviewService review;

	@Autowired
	CaseQueries queries;

	@Autowired
	AuditLog log;

	@Autowired
	Notices notices;

	@Autowired
	ProductionService productions;

	@Autowired
	EmergencyChecks emergencies;

	@Autowired
	Preservations preservations;

	World.Person officer;

	String id;

	@BeforeEach
	void submitARequest() {
		this.officer = this.world.officer(this.world.agency("US"));
		this.id = this.world.submit(this.officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
	}

	@Test
	void anAuditorOrAnIntakeUserCannotProposeOrApproveInTheConsole() {
		WebSession auditor = signedIn("AUDITOR");
		WebSession intake = signedIn("INTAKE");
		assertThat(auditor.get(casePath()).body()).doesNotContain("/decision\"", "value=\"approve\"");

		refused(auditor, "/decision", DECISION, "IN_REVIEW");
		refused(intake, "/decision", DECISION, "IN_REVIEW");
		refused(auditor, "/questions", Map.of("question", "Who is the account holder?"), "IN_REVIEW");

		propose(this.world.staff("REVIEWER"));
		refused(auditor, "/approval", Map.of("verdict", "approve"), "PENDING_APPROVAL");
		refused(intake, "/approval", Map.of("verdict", "approve"), "PENDING_APPROVAL");
		refused(intake, "/approval", Map.of("verdict", "return", "comment", "Not good enough"), "PENDING_APPROVAL");
	}

	@Test
	void aReviewerCannotApproveInTheConsole() {
		propose(this.world.staff("REVIEWER"));
		WebSession reviewer = signedIn("REVIEWER");
		assertThat(reviewer.get(casePath()).body()).doesNotContain("value=\"approve\"");
		refused(reviewer, "/approval", Map.of("verdict", "approve"), "PENDING_APPROVAL");
	}

	@Test
	void theProposerCannotApproveInTheApiOrInTheConsole() {
		World.Account account = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER", "APPROVER");
		Api.Response issued = this.world.admin().post("/api/v1/staff/" + account.id() + "/tokens", Map.of());
		World.Person proposer = new World.Person(account.id(), issued.json().path("token").asString(), null);
		propose(proposer);

		long before = auditEvents();
		Api.Response api = this.api.as(proposer.token())
			.post("/api/v1/cases/" + this.id + "/approval", Map.of("approve", true, "comment", "Mine"));
		assertThat(api.status()).as(api.toString()).isEqualTo(403);
		assertThat(api.contentType()).startsWith("application/problem+json");
		assertThat(auditEvents()).isEqualTo(before);

		WebSession console = new WebSession(this.port);
		WebAccounts.staff(console, account);
		assertThat(console.get(casePath()).body()).doesNotContain("value=\"approve\"");
		WebSession.Page page = refused(console, "/approval", Map.of("verdict", "approve"), "PENDING_APPROVAL");
		assertThat(page.body()).contains("Four eyes");
	}

	/** Behind the URL rules, the use cases refuse by the same table. */
	@Test
	void theUseCasesRefuseWrongRolesWithoutTheUrlRules() {
		RequestId request = RequestId.of(this.id);
		Decision.Form form = new Decision.Form("DISCLOSE", List.of("BASIC_SUBSCRIBER"), "Valid", null, Map.of());
		assertThatThrownBy(() -> this.review.propose(request, form, staff(Role.AUDITOR)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.review.askForInformation(request, "Who?", staff(Role.INTAKE)))
			.isInstanceOf(ForbiddenException.class);
		assertThat(status()).isEqualTo("IN_REVIEW");

		propose(this.world.staff("REVIEWER"));
		long before = auditEvents();
		assertThatThrownBy(() -> this.review.approve(request, true, "Agreed", staff(Role.INTAKE)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.review.approve(request, true, "Agreed", staff(Role.REVIEWER)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(
				() -> this.review.approve(request, true, "Agreed", CurrentUser.operator("someone-at-the-command-line")))
			.isInstanceOf(ForbiddenException.class);
		assertThat(status()).isEqualTo("PENDING_APPROVAL");
		assertThat(auditEvents()).isEqualTo(before);
	}

	/**
	 * The case file's reads (queue, timeline, notices, production, callbacks,
	 * preservation) are staff's by the same table, behind the URL rules: an agency
	 * officer is refused each, a staff member may read it.
	 */
	@Test
	void theCaseFilesReadsRefuseAnOfficerWithoutTheUrlRules() {
		RequestId request = RequestId.of(this.id);
		CurrentUser officer = CurrentUser.officer(new OfficerId(UUID.fromString(this.officer.id())),
				new AgencyId(UUID.fromString(this.world.officerView(this.officer, this.id)
					.path("agencyId")
					.asString(UUID.randomUUID().toString()))));
		List<Runnable> reads = List.of(
				() -> this.queries.queue(new CaseQueries.QueueFilter(null, null, null, false), null, null, 1, officer),
				() -> this.log.timeline("request", this.id, officer), () -> this.notices.of(request, officer),
				() -> this.productions.staffView(request, officer), () -> this.emergencies.callbacks(request, officer),
				() -> this.preservations.view(request, officer));
		reads.forEach((read) -> assertThatThrownBy(read::run).isInstanceOf(ForbiddenException.class));
		assertThat(this.log.timeline("request", this.id, staff(Role.AUDITOR))).isNotEmpty();
		assertThat(this.notices.of(request, staff(Role.INTAKE))).isNotNull();
	}

	/**
	 * Posts the form as the signed-in user: 403 as a page in the layout, nothing changed.
	 */
	private WebSession.Page refused(WebSession web, String form, Map<String, String> fields, String status) {
		web.get(casePath());
		long before = auditEvents();
		WebSession.Page page = web.post(casePath() + form, fields);
		assertThat(page.status()).as(form + ": " + page).isEqualTo(403);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("class=\"topbar", "Custodian").doesNotContain("Exception", "\"status\":");
		assertThat(status()).as(form).isEqualTo(status);
		assertThat(auditEvents()).as(form).isEqualTo(before);
		return page;
	}

	private void propose(World.Person reviewer) {
		Api.Response proposed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + this.id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		assertThat(status()).isEqualTo("PENDING_APPROVAL");
	}

	private WebSession signedIn(String role) {
		WebSession web = new WebSession(this.port);
		WebAccounts.staff(web, this.world.staffAccount(WebAccounts.PASSWORD, role));
		return web;
	}

	private String casePath() {
		return "/console/cases/" + this.id;
	}

	private String status() {
		return this.world.officerView(this.officer, this.id).path("status").asString();
	}

	/**
	 * The request's audit trail: every change it went through (reads are not counted).
	 */
	private long auditEvents() {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE subject_type = 'request' AND subject_id = ? "
					+ "AND action <> 'request.viewed'")
			.param(this.id)
			.query(Long.class)
			.single();
	}

	private static CurrentUser staff(Role role) {
		return CurrentUser.staff(new StaffId(UUID.randomUUID()), Set.of(role));
	}

}
