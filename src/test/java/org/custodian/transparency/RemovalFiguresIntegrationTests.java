package org.custodian.transparency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custodian.audit.AuditLog;
import org.custodian.notice.HolderNotices;
import org.custodian.removal.Holders;
import org.custodian.removal.Removals;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period report counts removal requests per requesting jurisdiction (by basis, by
 * reason, by what was done with each item, and how fast) in its JSON, its CSV and its
 * public pages, and a signed publication's removal figures are recomputed from the audit
 * log when it is verified.
 */
class RemovalFiguresIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportVerifyCommand verify;

	@Autowired
	TransparencyReports reports;

	@Autowired
	AuditLog auditLog;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	HolderNotices notices;

	private final String period = Period.of(Instant.now()).toString();

	private Removals removals;

	private Person reviewer;

	private Person approver;

	@BeforeEach
	void people() {
		this.removals = new Removals(this.api);
		this.reviewer = this.world.staff("REVIEWER");
		this.approver = this.world.staff("APPROVER");
	}

	@Test
	void theReportsRemovalFiguresFollowSubmissionsDecisionsAndEffects() throws IOException {
		Person officer = this.world.officer(this.world.agency("WS"));
		assertThat(removalRow("WS")).isNull();

		String order = this.removals.submit(officer,
				Removals.order(List.of("WS"), Removals.post(), Removals.post(), Removals.post()));
		Map<String, Object> referral = new LinkedHashMap<>(Removals.order(List.of("WS"), Removals.post()));
		referral.put("basis", "POLICY_REFERRAL");
		referral.put("reason", "NATIONAL_SECURITY");
		this.removals.submit(officer, referral);

		JsonNode received = removalRow("WS");
		assertThat(received.path("requests").asLong()).isEqualTo(2);
		assertThat(received.path("items").asLong()).isEqualTo(4);
		assertThat(received.path("requestsByBasis").path("COURT_ORDER").asLong()).isEqualTo(1);
		assertThat(received.path("requestsByBasis").path("POLICY_REFERRAL").asLong()).isEqualTo(1);
		assertThat(received.path("requestsByReason").path("DEFAMATION").asLong()).isEqualTo(1);
		assertThat(received.path("requestsByReason").path("NATIONAL_SECURITY").asLong()).isEqualTo(1);
		assertThat(received.path("itemsRestrictedHere").asLong()).isZero();
		assertThat(received.path("medianHoursToEffect").isNull()).isTrue();

		decide(order, "RESTRICT_IN_JURISDICTION", "REMOVE_GLOBALLY", "NO_ACTION:PROTECTED_EXPRESSION");

		JsonNode decided = removalRow("WS");
		assertThat(decided.path("items").asLong()).isEqualTo(4);
		assertThat(decided.path("itemsRestrictedHere").asLong()).isEqualTo(1);
		assertThat(decided.path("itemsRemovedGlobally").asLong()).isEqualTo(1);
		assertThat(decided.path("itemsNoAction").asLong()).isEqualTo(1);
		assertThat(decided.path("itemsRestored").asLong()).isZero();
		assertThat(decided.path("medianHoursToEffect").asDouble(-1)).isBetween(0.0, 1.0);

		String csv = this.api.anonymous().get("/api/v1/transparency/reports/" + this.period + "?format=csv").text();
		List<CSVRecord> records = CSVFormat.DEFAULT.builder()
			.setHeader()
			.get()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(csv.lines().findFirst().orElseThrow()).startsWith(
				String.join(",", TransparencyReports.CSV_COLUMNS) + "," + String.join(",", RemovalFigures.CSV_COLUMNS));
		CSVRecord samoa = records.stream().filter((r) -> r.get("jurisdiction").equals("WS")).findFirst().orElseThrow();
		assertThat(samoa.get("requests")).isEqualTo("0");
		assertThat(samoa.get("removal_requests")).isEqualTo("2");
		assertThat(samoa.get("removal_items")).isEqualTo("4");
		assertThat(samoa.get("removal_requests_by_basis")).isEqualTo("COURT_ORDER:1;POLICY_REFERRAL:1");
		assertThat(samoa.get("removal_items_restricted_here")).isEqualTo("1");
		assertThat(samoa.get("removal_items_removed_globally")).isEqualTo("1");
		assertThat(samoa.get("removal_items_no_action")).isEqualTo("1");
		assertThat(samoa.get("removal_median_hours_to_effect")).isNotBlank();

		String page = this.api.anonymous().get("/transparency?period=" + this.period).text();
		assertThat(page).contains("id=\"removals\"", "Removal requests", "/transparency/WS",
				"Referral under the platform&#39;s rules: 1");
		String samoaPage = this.api.anonymous().get("/transparency/WS").text();
		assertThat(samoaPage).contains("Removal requests", "Items named per half-year", "Defamation: 1",
				"National security: 1");
	}

	@Test
	void aPublicationWithRemovalFiguresVerifiesAndFailsOnceTheyDoNotFollowFromTheAuditLog() {
		Person officer = this.world.officer(this.world.agency("FM"));
		String order = this.removals.submit(officer,
				Removals.order(List.of("FM"), Removals.post(), Removals.post(), Removals.post()));
		decide(order, "RESTRICT_IN_JURISDICTION", "REMOVE_GLOBALLY", "NO_ACTION:PROTECTED_EXPRESSION");

		JsonNode published = publish();
		JsonNode micronesia = row(published.path("report").path("removals"), "FM");
		assertThat(micronesia.path("itemsRemovedGlobally").asLong()).isEqualTo(1);
		String id = published.path("id").asString();
		assertThat(run("--id", id)).contains("ok      All removal figures of " + this.period, "Report verified.");

		// Someone with database access marks the item left alone as removed, and the next
		// publication claims it: the audit log does not back the claim.
		this.jdbc
			.sql("UPDATE removal_item SET effect = 'REMOVED' WHERE request_id = ?::uuid AND decision = 'NO_ACTION'")
			.param(order)
			.update();
		try {
			String tampered = publish().path("id").asString();
			assertThat(run("--id", tampered)).contains("ok      Ed25519 signature",
					"FM removal itemsRemovedGlobally: published 2, the audit log gives 1", "Report NOT verified.");
		}
		finally {
			this.jdbc
				.sql("UPDATE removal_item SET effect = 'NONE' WHERE request_id = ?::uuid AND decision = 'NO_ACTION'")
				.param(order)
				.update();
		}
		assertThat(run("--id", id)).contains("Report verified.");
	}

	@Test
	void appealsLodgedAndDecidedCountInTheReportAndInItsVerification() throws IOException {
		Holders holders = new Holders(this.jdbc);
		Holders.Holder withheld = holders.holder(false);
		Holders.Holder removed = holders.holder(false);
		Person officer = this.world.officer(this.world.agency("KI"));
		String order = this.removals.submit(officer,
				Removals.order(List.of("KI"), holders.postBy(withheld), holders.postBy(removed), Removals.post()));
		decide(order, "RESTRICT_IN_JURISDICTION", "REMOVE_GLOBALLY", "NO_ACTION:PROTECTED_EXPRESSION");
		this.notices.sendDue(Instant.now());
		String kept = appeal(holders.awaitMail(withheld, "restricted"));
		String restored = appeal(holders.awaitMail(removed, "restricted"));

		JsonNode lodged = removalRow("KI");
		assertThat(lodged.path("appealsLodged").asLong()).isEqualTo(2);
		assertThat(lodged.path("appealsUpheld").asLong()).isZero();
		assertThat(lodged.path("appealsRestored").asLong()).isZero();

		Person lead = this.world.staff("HUMAN_RIGHTS_LEAD");
		decideAppeal(lead, order, kept, "UPHOLD");
		decideAppeal(lead, order, restored, "RESTORE");
		JsonNode decided = removalRow("KI");
		assertThat(decided.path("appealsLodged").asLong()).isEqualTo(2);
		assertThat(decided.path("appealsUpheld").asLong()).isEqualTo(1);
		assertThat(decided.path("appealsRestored").asLong()).isEqualTo(1);
		assertThat(decided.path("itemsRestored").asLong()).isEqualTo(1);
		assertThat(decided.path("itemsRemovedGlobally").asLong()).as("the effect that was given stays counted")
			.isEqualTo(1);

		String csv = this.api.anonymous().get("/api/v1/transparency/reports/" + this.period + "?format=csv").text();
		assertThat(csv.lines().findFirst().orElseThrow())
			.endsWith("removal_median_hours_to_effect,removal_appeals_lodged,removal_appeals_upheld,"
					+ "removal_appeals_restored");
		CSVRecord kiribati = CSVFormat.DEFAULT.builder()
			.setHeader()
			.get()
			.parse(new StringReader(csv))
			.getRecords()
			.stream()
			.filter((r) -> r.get("jurisdiction").equals("KI"))
			.findFirst()
			.orElseThrow();
		assertThat(kiribati.get("removal_items_restored")).isEqualTo("1");
		assertThat(kiribati.get("removal_appeals_lodged")).isEqualTo("2");
		assertThat(kiribati.get("removal_appeals_upheld")).isEqualTo("1");
		assertThat(kiribati.get("removal_appeals_restored")).isEqualTo("1");

		assertThat(this.api.anonymous().get("/transparency?period=" + this.period).text()).contains("Appeals",
				"Upheld on appeal", "Restored on appeal");
		assertThat(this.api.anonymous().get("/transparency/KI").text()).contains("Upheld on appeal",
				"Restored on appeal", "<td>2</td>");
		assertThat(this.api.anonymous().get("/transparency/KI?lang=zh-TW").text()).contains("申訴後維持", "申訴後恢復");

		String id = publish().path("id").asString();
		assertThat(run("--id", id)).contains("ok      All removal figures of " + this.period, "Report verified.")
			.doesNotContain("predates appeal figures");

		// Someone with database access turns the upheld appeal into a restoring one, and
		// the
		// next publication claims it: the audit log does not back the claim.
		this.jdbc.sql("UPDATE removal_appeal SET status = 'RESTORED' WHERE id = ?::uuid").param(kept).update();
		try {
			String tampered = publish().path("id").asString();
			assertThat(run("--id", tampered)).contains("ok      Ed25519 signature",
					"KI removal appealsUpheld: published 0, the audit log gives 1",
					"KI removal appealsRestored: published 2, the audit log gives 1", "Report NOT verified.");
		}
		finally {
			this.jdbc.sql("UPDATE removal_appeal SET status = 'UPHELD' WHERE id = ?::uuid").param(kept).update();
		}
		assertThat(run("--id", id)).contains("Report verified.");
	}

	/** Files the holder's appeal with the token of their notice; returns its id. */
	private String appeal(jakarta.mail.internet.MimeMessage notice) {
		Api.Response filed = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", Holders.token(notice), "statement", "Please look at it again."));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		return filed.json().path("id").asString();
	}

	private void decideAppeal(Person staff, String request, String appeal, String outcome) {
		Api.Response decided = this.api.as(staff.token())
			.post("/api/v1/removal-requests/" + request + "/appeals/" + appeal + "/decision",
					Map.of("outcome", outcome, "reason", "Looked at again by someone who did not decide it"));
		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
	}

	@Test
	void theRemovalTablesAndTheAuditLogTellTheSameFigures() {
		Person officer = this.world.officer(this.world.agency("PW"));
		String order = this.removals.submit(officer, Removals.order(List.of("PW"), Removals.post(), Removals.post()));
		decide(order, "REMOVE_GLOBALLY", "NEED_MORE_INFO");
		Period current = Period.parse(this.period);
		TransactionTemplate snapshot = new TransactionTemplate(this.transactions);
		snapshot.setReadOnly(true);
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.executeWithoutResult(
				(status) -> assertThat(this.reports.removalsFromAuditLog(current, this.auditLog.head().events()))
					.isEqualTo(this.reports.removals(current))
					.anySatisfy((row) -> assertThat(row.jurisdiction()).isEqualTo("PW")));
	}

	/**
	 * Proposes the decisions for the request's items in order, and a second person
	 * approves.
	 */
	private void decide(String request, String... decisions) {
		List<String> items = this.removals.itemIds(this.reviewer, request);
		Map<String, String> proposal = new LinkedHashMap<>();
		for (int i = 0; i < decisions.length; i++) {
			proposal.put(items.get(i), decisions[i]);
		}
		Api.Response proposed = this.removals.propose(this.reviewer, request, proposal);
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		Api.Response approved = this.removals.approve(this.approver, request);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
	}

	private JsonNode removalRow(String jurisdiction) {
		JsonNode report = this.api.anonymous().get("/api/v1/transparency/reports/" + this.period).json();
		assertThat(report.has("jurisdictions")).isTrue();
		for (JsonNode row : report.path("removals")) {
			if (jurisdiction.equals(row.path("jurisdiction").asString())) {
				return row;
			}
		}
		return null;
	}

	private static JsonNode row(JsonNode rows, String jurisdiction) {
		for (JsonNode row : rows) {
			if (jurisdiction.equals(row.path("jurisdiction").asString())) {
				return row;
			}
		}
		throw new AssertionError("No row for " + jurisdiction + " in " + rows);
	}

	/** Proposed by one policy administrator, confirmed (and so signed) by another. */
	private JsonNode publish() {
		Person publisher = this.world.staff("POLICY_ADMIN");
		Person second = this.world.staff("POLICY_ADMIN");
		Api.Response proposed = this.api.as(publisher.token())
			.post("/api/v1/transparency/reports/" + this.period + "/publications", Map.of());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		Api.Response confirmed = this.api.as(second.token())
			.post("/api/v1/transparency/reports/" + this.period + "/publications/"
					+ proposed.json().path("id").asString() + "/confirmation", Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
		return confirmed.json();
	}

	private String run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.verify.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

}
