package org.custodian.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.shared.StaffId;
import org.custodian.identity.Role;
import org.custodian.identity.CurrentUser;
import org.custodian.support.Api;
import org.custodian.support.TestDatabase;
import org.custodian.transparency.ReportPublications;
import org.custodian.transparency.ReportVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo replays 2019-H2 to 2021-H1 through the services, and its transparency report
 * gives Hong Kong's published figures: 241 requests and 46% with some data produced, 262
 * and 24%, then 202 (201 legal process, 1 emergency) and 152 with none produced, the
 * later ones held under the pause enacted on 6 July 2020. In a database of its own: the
 * pause would otherwise reach the other tests' Hong Kong requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class HongKongReplayTests {

	private static final String TOKEN = "demo-token-0000000000000000000000-";

	@LocalServerPort
	int port;

	@Autowired
	ReportPublications publications;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.get().separate();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", () -> "");
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void reportGivesHongKongsPublishedFigures() {
		JsonNode h2019 = hongKong("2019-H2");
		assertThat(h2019.path("requests").asLong()).isEqualTo(241);
		assertThat(h2019.path("percentProduced").asInt()).isEqualTo(46);
		assertThat(h2019.path("heldUnderPause").asLong()).isZero();

		JsonNode h2020a = hongKong("2020-H1");
		assertThat(h2020a.path("requests").asLong()).isEqualTo(262);
		assertThat(h2020a.path("percentProduced").asInt()).isEqualTo(24);

		JsonNode h2020b = hongKong("2020-H2");
		assertThat(h2020b.path("requests").asLong()).isEqualTo(202);
		assertThat(h2020b.path("legalProcessRequests").asLong()).isEqualTo(201);
		assertThat(h2020b.path("emergencyRequests").asLong()).isEqualTo(1);
		assertThat(h2020b.path("percentProduced").asInt()).isZero();
		assertThat(h2020b.path("heldUnderPause").asLong()).isPositive();

		JsonNode h2021 = hongKong("2021-H1");
		assertThat(h2021.path("requests").asLong()).isEqualTo(152);
		assertThat(h2021.path("percentProduced").asInt()).isZero();
		assertThat(h2021.path("heldUnderPause").asLong()).isPositive();

		assertThat(this.api.anonymous().get("/api/v1/transparency/reports/2020-H2?format=csv").text())
			.contains("\n2020-H2,HK,202,202,0,201,201,0,1,1,0,");
	}

	@Test
	void preservationsExpireAndNoticesGoOutAsTheReplayedYearsPass() {
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM preservation WHERE status = 'ACTIVE' AND expires_at < '2021-06-01'""")
			.query(Long.class)
			.single()).as("no preservation of 2019-2020 is still active").isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM preservation WHERE status IN ('EXPIRED', 'CONVERTED')")
			.query(Long.class)
			.single()).isPositive();
		long notified = 0;
		for (String period : new String[] { "2019-H2", "2020-H1", "2020-H2", "2021-H1" }) {
			for (JsonNode row : this.api.anonymous()
				.get("/api/v1/transparency/reports/" + period)
				.json()
				.path("jurisdictions")) {
				notified += row.path("usersNotified").asLong();
			}
		}
		assertThat(notified).as("users notified over the replayed years").isGreaterThan(50);
	}

	@Test
	void otherAgenciesHaveAHistoryOfTheirOwn() {
		for (String period : new String[] { "2019-H2", "2020-H1", "2020-H2", "2021-H1" }) {
			JsonNode rows = this.api.anonymous()
				.get("/api/v1/transparency/reports/" + period)
				.json()
				.path("jurisdictions");
			assertThat(rows.findValuesAsString("jurisdiction")).contains("US", "GB", "DE", "FR", "JP");
			for (JsonNode row : rows) {
				if (row.path("jurisdiction").asString().equals("US")) {
					assertThat(row.path("percentProduced").asInt()).isGreaterThan(50);
				}
			}
		}
	}

	@Test
	void pauseRestsOnItsSignedOffAssessmentAndPageSaysNothingWasDisclosedSince() {
		JsonNode pause = this.api.as(TOKEN + "policy-admin")
			.get("/api/v1/jurisdictions/HK/policy")
			.json()
			.path("pauses")
			.get(0);
		assertThat(pause.path("match").asString()).isEqualTo("BOTH");
		assertThat(pause.path("stages").get(0).asString()).isEqualTo("PRODUCTION");
		assertThat(pause.path("stages").size()).isEqualTo(1);
		assertThat(pause.path("appliesTo").asString()).isEqualTo("ALL");
		assertThat(pause.path("effectiveFrom").asString()).isEqualTo("2020-06-30T15:00:00Z");
		assertThat(pause.path("enactedAt").asString()).startsWith("2020-07-06T");
		assertThat(pause.path("status").asString()).isEqualTo("IN_FORCE");
		assertThat(pause.path("urgent").isNull()).isTrue();
		assertThat(this.jdbc.sql("""
				SELECT e.action || ' by ' || s.email FROM audit_event e JOIN staff_user s ON s.id::text = e.actor_id
				WHERE e.subject_type = 'pause' AND e.subject_id = ? ORDER BY e.seq""")
			.param(pause.path("id").asString())
			.query(String.class)
			.list()).as("proposed by one policy administrator, confirmed by another")
			.containsExactly("pause.proposed by policy-admin@demo.custodian.example",
					"pause.confirmed by policy-admin-2@demo.custodian.example");

		JsonNode assessment = this.api.as(TOKEN + "hr-lead")
			.get("/api/v1/assessments/" + pause.path("assessmentId").asString())
			.json();
		assertThat(assessment.path("status").asString()).isEqualTo("SIGNED_OFF");
		assertThat(assessment.path("decision").asString()).isEqualTo("MAINTAIN_PAUSE");

		Matcher since = Pattern
			.compile("No data disclosed to authorities of Hong Kong SAR China since (\\d{4}-\\d{2}-\\d{2})")
			.matcher(this.api.anonymous().get("/transparency/HK").text());
		assertThat(since.find()).isTrue();
		assertThat(LocalDate.parse(since.group(1))).as("the last disclosure came before the law took effect")
			.isBetween(LocalDate.parse("2020-06-01"), LocalDate.parse("2020-06-30"));
	}

	@Test
	void aPublishedReportOfTheReplayedHalfYearVerifiesAgainstTheAuditLog() {
		ReportVerification verification = verified(publish("2020-H2"));
		assertThat(verification.checks())
			.allSatisfy((check) -> assertThat(check.passed()).as(check.statement()).isTrue());
		assertThat(verification.checks()).extracting(ReportVerification.Check::statement)
			.anySatisfy((statement) -> assertThat(statement).startsWith("All figures of 2020-H2"))
			.anySatisfy((statement) -> assertThat(statement).startsWith("All removal figures of 2020-H2"));
	}

	/** Proposed by one policy administrator, confirmed (and so signed) by the other. */
	private JsonNode publish(String period) {
		Api.Response proposed = this.api.as(TOKEN + "policy-admin")
			.post("/api/v1/transparency/reports/" + period + "/publications", java.util.Map.of());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		Api.Response published = this.api.as(TOKEN + "policy-admin-2")
			.post("/api/v1/transparency/reports/" + period + "/publications/" + proposed.json().path("id").asString()
					+ "/confirmation", java.util.Map.of());
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		return published.json();
	}

	private ReportVerification verified(JsonNode published) {
		return this.publications.verify(this.publications.find(UUID.fromString(published.path("id").asString())),
				CurrentUser.staff(StaffId.random(), Set.of(Role.AUDITOR)));
	}

	@Test
	void theReplayedRemovalRequestsShowInTheReport() {
		JsonNode h2019 = removals("2019-H2", "HK");
		assertThat(h2019.path("requests").asLong()).isEqualTo(3);
		assertThat(h2019.path("items").asLong()).isEqualTo(6);
		assertThat(h2019.path("requestsByBasis").path("POLICY_REFERRAL").asLong()).isEqualTo(2);
		assertThat(h2019.path("itemsRestrictedHere").asLong()).as("the app, and two doxxing posts").isEqualTo(3);
		assertThat(h2019.path("itemsRemovedGlobally").asLong()).isEqualTo(1);
		assertThat(h2019.path("itemsNoAction").asLong()).isEqualTo(2);
		assertThat(h2019.path("medianHoursToEffect").asDouble()).isPositive();

		assertThat(removals("2020-H2", "HK").path("requestsByReason").path("NATIONAL_SECURITY").asLong()).isEqualTo(1);
		assertThat(removals("2021-H1", "DE").path("requestsByBasis").path("DSA_ARTICLE_9").asLong()).isEqualTo(2);
		assertThat(removals("2021-H1", "FR").path("itemsRemovedGlobally").asLong()).isEqualTo(2);
		assertThat(this.api.anonymous().get("/transparency?period=2019-H2").text()).contains("Removal requests",
				"Referral under the platform&#39;s rules: 2");
	}

	@Test
	void theHoldersOfTheOctober2019AppAndOfADoxxingPostAppealAndTheReportShowsTheOutcomes() {
		assertThat(this.jdbc.sql("""
				SELECT i.value || ' ' || a.status || ' by ' || s.email FROM removal_appeal a
				JOIN removal_item i ON i.id = a.item_id JOIN staff_user s ON s.id = a.decided_by
				ORDER BY a.filed_at""").query(String.class).list())
			.as("filed with the notices' links, decided by a lead who took no part in the decisions")
			.containsExactly("live.hkmap.app RESTORED by hr-lead-2@demo.custodian.example",
					"hk-doxx-2 UPHELD by hr-lead-2@demo.custodian.example");
		assertThat(this.api.anonymous()
			.get("/sample-platform/items/live.hkmap.app?from=HK")
			.json()
			.path("visible")
			.asBoolean()).as("the app is back in Hong Kong").isTrue();
		assertThat(
				this.api.anonymous().get("/sample-platform/items/hk-doxx-2?from=HK").json().path("visible").asBoolean())
			.as("the doxxing post stays withheld there")
			.isFalse();

		JsonNode h2019 = removals("2019-H2", "HK");
		assertThat(h2019.path("appealsLodged").asLong()).isEqualTo(2);
		assertThat(h2019.path("appealsUpheld").asLong()).isEqualTo(1);
		assertThat(h2019.path("appealsRestored").asLong()).isEqualTo(1);
		assertThat(h2019.path("itemsRestored").asLong()).isEqualTo(1);
		assertThat(this.api.anonymous().get("/transparency?period=2019-H2").text()).contains("Upheld on appeal",
				"Restored on appeal");

		JsonNode published = publish("2019-H2");
		assertThat(row(published.path("report").path("removals"), "HK").path("appealsRestored").asLong()).isEqualTo(1);
		ReportVerification verification = verified(published);
		assertThat(verification.checks())
			.allSatisfy((check) -> assertThat(check.passed()).as(check.statement()).isTrue());
		assertThat(verification.checks()).extracting(ReportVerification.Check::statement)
			.anySatisfy((statement) -> assertThat(statement).startsWith("All removal figures of 2019-H2"))
			.noneSatisfy((statement) -> assertThat(statement).contains("predates appeal figures"));
	}

	private static JsonNode row(JsonNode rows, String jurisdiction) {
		for (JsonNode row : rows) {
			if (row.path("jurisdiction").asString().equals(jurisdiction)) {
				return row;
			}
		}
		throw new AssertionError("No row for " + jurisdiction + " in " + rows);
	}

	private JsonNode removals(String period, String jurisdiction) {
		for (JsonNode row : this.api.anonymous()
			.get("/api/v1/transparency/reports/" + period)
			.json()
			.path("removals")) {
			if (row.path("jurisdiction").asString().equals(jurisdiction)) {
				return row;
			}
		}
		throw new AssertionError("No removal row for " + jurisdiction + " in " + period);
	}

	@Test
	void clockIsBackToTheRealTimeAndThePrintedAccountsWork() {
		JsonNode latest = this.api.as(TOKEN + "hkpf").get("/api/v1/requests?limit=1").json().path("items").get(0);
		Instant received = Instant.parse(latest.path("receivedAt").asString());
		assertThat(received).isBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now());

		assertThat(this.api.as(TOKEN + "reviewer").get("/api/v1/cases?status=IN_REVIEW&jurisdiction=HK").status())
			.isEqualTo(200);
		assertThat(this.api.as(TOKEN + "auditor").get("/api/v1/audit/verification").json().path("valid").asBoolean())
			.isTrue();
	}

	private JsonNode hongKong(String period) {
		Api.Response report = this.api.anonymous().get("/api/v1/transparency/reports/" + period);
		assertThat(report.status()).isEqualTo(200);
		for (JsonNode row : report.json().path("jurisdictions")) {
			if (row.path("jurisdiction").asString().equals("HK")) {
				return row;
			}
		}
		throw new AssertionError("No Hong Kong row in " + period);
	}

}
