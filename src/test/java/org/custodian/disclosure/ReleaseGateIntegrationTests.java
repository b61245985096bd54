package org.custodian.disclosure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.TestMail;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The release gate over HTTP, with the test run's mail server stopped and started again:
 * while the user notice cannot be sent nothing of the request is downloadable, and the
 * package is released by itself once the notice goes out. A lawfully deferred notice (a
 * non-disclosure order, a compromised account) does not hold the release, and a decision
 * without four eyes never releases anything.
 */
class ReleaseGateIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void withTheMailServerDownNoPackageIsDownloadableUntilTheNoticeGoesOut() {
		Person officer = this.world.officer(this.world.agency("US"));
		String domain = "u" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		String first = approved(officer, account(domain, false), null);
		awaitProduction(first, "PRODUCED");
		assertThat(TestMail.server().getReceivedMessagesForDomain(domain)).hasSize(1);

		TestMail.stop();
		String waiting;
		String ordered;
		String compromised;
		try {
			waiting = approved(officer, account(domain, false), null);
			ordered = approved(officer, account(domain, false), LocalDate.now().plusDays(30).toString());
			compromised = approved(officer, account(domain, true), null);
			awaitProduction(ordered, "PRODUCED");
			awaitProduction(compromised, "PRODUCED");
			await().atMost(Duration.ofSeconds(30)).until(() -> notice(waiting).path("lastError").isString());
			assertThat(notice(waiting).path("status").asString()).isEqualTo("DUE");
			assertNothingLeaves(officer, waiting);
			assertThat(this.api.as(officer.token()).get("/api/v1/requests/" + ordered + "/production").status())
				.as("a notice delayed by a non-disclosure order does not hold the release")
				.isEqualTo(200);
			assertThat(this.api.as(officer.token()).get("/api/v1/requests/" + compromised + "/production").status())
				.as("a notice withheld from a compromised account does not hold the release")
				.isEqualTo(200);
		}
		finally {
			TestMail.restart();
		}

		// Nobody acts: the notice job's retry sends the notice, and that releases the
		// package.
		awaitProduction(waiting, "PRODUCED");
		assertThat(notice(waiting).path("status").asString()).isEqualTo("SENT");
		assertThat(TestMail.server().getReceivedMessagesForDomain(domain)).hasSize(1);
		assertThat(this.api.as(officer.token()).get("/api/v1/requests/" + waiting + "/production").status())
			.isEqualTo(200);
		assertThat(this.api.as(this.world.staff("AUDITOR").token())
			.get("/api/v1/cases/" + waiting + "/timeline")
			.json()
			.findValuesAsString("action")).containsSubsequence("request.approved", "production.awaiting-notice",
					"notice.sent", "production.queued", "production.built", "production.downloaded");
	}

	private void assertNothingLeaves(Person officer, String waiting) {
		Person auditor = this.world.staff("AUDITOR");
		JsonNode production = this.api.as(auditor.token()).get("/api/v1/cases/" + waiting + "/production").json();
		assertThat(production.path("status").asString()).isEqualTo("AWAITING_NOTICE");
		assertThat(production.path("release").path("outcome").asString()).isEqualTo("WAITING");
		assertThat(World.texts(production.path("release").path("reasons")))
			.containsExactly("waiting for the user notice to be sent to 1 targeted user");
		assertThat(World.texts(this.api.as(auditor.token()).get("/api/v1/cases/" + waiting).json().path("flags")))
			.contains("PRODUCTION_AWAITING_NOTICE");
		Api.Response download = this.api.as(officer.token()).get("/api/v1/requests/" + waiting + "/production");
		assertThat(download.status()).as(download.toString()).isEqualTo(409);
		assertThat(download.text()).contains("waiting for the user notice to be sent");
		assertThat(this.api.as(officer.token())
			.post("/api/v1/requests/" + waiting + "/production/passphrase", Map.of())
			.status()).isEqualTo(409);
		assertThat(this.world.officerView(officer, waiting).path("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void aDecisionWithoutFourEyesReleasesNothing() {
		Person officer = this.world.officer(this.world.agency("US"));
		String domain = "u" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		String id = approved(officer, account(domain, false), LocalDate.now().plusDays(30).toString());
		awaitProduction(id, "PRODUCED");
		// As if a path around the review service had let the proposer approve their own
		// decision.
		this.jdbc.sql("UPDATE decision SET approver_id = proposed_by WHERE request_id = ?::uuid").param(id).update();
		Api.Response download = this.api.as(officer.token()).get("/api/v1/requests/" + id + "/production");
		assertThat(download.status()).as(download.toString()).isEqualTo(409);
		assertThat(download.text()).contains("no disclosure decision approved by a second person");
		JsonNode release = this.api.as(this.world.staff("AUDITOR").token())
			.get("/api/v1/cases/" + id + "/production")
			.json()
			.path("release");
		assertThat(release.path("outcome").asString()).isEqualTo("REFUSED");
	}

	private String approved(Person officer, String account, String nonDisclosureUntil) {
		Map<String, Object> request = new HashMap<>(Map.of("type", "LEGAL_PROCESS", "instrument", "COURT_ORDER",
				"legalBasis", "Order 9", "targets", List.of(Map.of("kind", "USERNAME", "value", account)), "categories",
				List.of("BASIC_SUBSCRIBER"), "from", "2020-01-01", "to", "2020-06-30", "offence", "Fraud"));
		if (nonDisclosureUntil != null) {
			request.put("nonDisclosureUntil", nonDisclosureUntil);
		}
		String id = this.world.submit(officer, request);
		Api.Response proposed = this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		Api.Response approved = this.api.as(this.world.staff("APPROVER").token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		return id;
	}

	private String account(String domain, boolean compromised) {
		String id = "g" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				INSERT INTO platform_account (id, username, email, home_jurisdiction, language, compromised)
				VALUES (?, ?, ?, 'US', 'en', ?)""").params(id, id, id + "@" + domain, compromised).update();
		return id;
	}

	private JsonNode notice(String id) {
		return this.api.as(this.world.staff("AUDITOR").token())
			.get("/api/v1/cases/" + id + "/notices")
			.json()
			.path("notices")
			.get(0);
	}

	private void awaitProduction(String id, String status) {
		Person auditor = this.world.staff("AUDITOR");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> assertThat(this.api.as(auditor.token())
				.get("/api/v1/cases/" + id + "/production")
				.json()
				.path("status")
				.asString()).isEqualTo(status));
	}

}
