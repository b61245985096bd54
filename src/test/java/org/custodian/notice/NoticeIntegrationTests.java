package org.custodian.notice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
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
 * User notice over real SMTP (GreenMail): sent before disclosure in the holder's
 * language; delayed by a non-disclosure order and sent when it ends; withheld for a
 * compromised account; an emergency's notice follows 90 days later. Every decision is on
 * the record.
 */
class NoticeIntegrationTests extends IntegrationTest {

	/**
	 * The test run's one SMTP server, which IntegrationTest points the application at.
	 */
	static final GreenMail mail = TestMail.server();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notices notices;

	@Test
	void tellsTheUserBeforeDisclosureInTheirLanguage() throws Exception {
		String domain = domain();
		String account = account(domain, "zh-HK", false);
		Person officer = this.world.officer(this.world.agency("US"));
		String id = submitFor(officer, account, null);
		approve(id);
		this.notices.sendDue(Instant.now());
		MimeMessage message = awaitMail(domain);
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo(account + "@" + domain);
		String caseNumber = this.world.officerView(officer, id).path("caseNumber").asString();
		assertThat(message.getSubject()).contains("政府要求").contains(caseNumber);
		assertThat(GreenMailUtil.getBody(message)).isNotBlank();
		JsonNode notice = notices(id).get(0);
		assertThat(notice.path("status").asString()).isEqualTo("SENT");
		assertThat(actions(id)).contains("notice.sent");
		assertThat(this.jdbc.sql("SELECT users_notified FROM transparency_request WHERE request_id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single()).as("the transparency report counts the notice").isEqualTo(1);
	}

	@Test
	void delaysNoticeUnderANonDisclosureOrderAndSendsItWhenTheOrderEnds() throws Exception {
		String domain = domain();
		String account = account(domain, "de", false);
		Person officer = this.world.officer(this.world.agency("US"));
		LocalDate orderEnds = LocalDate.now().plusDays(30);
		String id = submitFor(officer, account, orderEnds.toString());
		approve(id);
		this.notices.sendDue(Instant.now());
		JsonNode delayed = notices(id).get(0);
		assertThat(delayed.path("status").asString()).isEqualTo("DELAYED");
		assertThat(delayed.path("reason").asString()).startsWith("NON_DISCLOSURE_ORDER");
		assertThat(mail.getReceivedMessagesForDomain(domain)).isEmpty();
		assertThat(actions(id)).contains("notice.delayed");

		this.notices.sendDue(Instant.now().plus(Duration.ofDays(32)));
		MimeMessage message = awaitMail(domain);
		assertThat(message.getSubject()).startsWith("Behördliche Anfrage");
		assertThat(notices(id).get(0).path("status").asString()).isEqualTo("SENT");
	}

	@Test
	void withholdsNoticeFromACompromisedAccountAndDelaysAnEmergencysBy90Days() throws Exception {
		String domain = domain();
		String compromised = account(domain, "en", true);
		String ordinary = account(domain, "en", false);
		Person officer = this.world.officer(this.world.agency("US"));
		String id = this.world.submit(officer, Map.of("type", "EMERGENCY", "targets",
				List.of(Map.of("kind", "USERNAME", "value", compromised),
						Map.of("kind", "USERNAME", "value", ordinary)),
				"categories", List.of("BASIC_SUBSCRIBER"), "emergency",
				Map.of("threat", "Bomb threat", "supervisorName", "Lt. Doe", "supervisorPhone", "+1 202 555 0100")));
		approve(id);
		this.notices.sendDue(Instant.now());
		assertThat(notices(id)).extracting((notice) -> notice.path("status").asString())
			.containsExactlyInAnyOrder("WITHHELD", "DELAYED");
		assertThat(notices(id)).extracting((notice) -> notice.path("reason").asString().split(":")[0])
			.containsExactlyInAnyOrder("ACCOUNT_COMPROMISED", "EMERGENCY");
		assertThat(mail.getReceivedMessagesForDomain(domain)).isEmpty();

		this.notices.sendDue(Instant.now().plus(Duration.ofDays(89)));
		assertThat(mail.getReceivedMessagesForDomain(domain)).isEmpty();
		this.notices.sendDue(Instant.now().plus(Duration.ofDays(91)));
		MimeMessage message = awaitMail(domain);
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo(ordinary + "@" + domain);
		assertThat(mail.getReceivedMessagesForDomain(domain)).hasSize(1);
		assertThat(actions(id)).contains("notice.withheld", "notice.delayed", "notice.sent");
	}

	@Test
	void guardsTheNoticeList() {
		Person officer = this.world.officer(this.world.agency("US"));
		String id = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		String path = "/api/v1/cases/" + id + "/notices";
		assertThat(this.api.anonymous().get(path).status()).isEqualTo(401);
		assertThat(this.api.as(officer.token()).get(path).status()).isEqualTo(403);
		assertThat(this.api.as(this.world.staff("AUDITOR").token()).get(path).status()).isEqualTo(200);
	}

	private String submitFor(Person officer, String account, String nonDisclosureUntil) {
		Map<String, Object> request = new HashMap<>(Map.of("type", "LEGAL_PROCESS", "instrument", "COURT_ORDER",
				"legalBasis", "Order 7", "targets", List.of(Map.of("kind", "USERNAME", "value", account)), "categories",
				List.of("BASIC_SUBSCRIBER"), "from", "2020-01-01", "to", "2020-06-30", "offence", "Fraud"));
		if (nonDisclosureUntil != null) {
			request.put("nonDisclosureUntil", nonDisclosureUntil);
		}
		return this.world.submit(officer, request);
	}

	private void approve(String id) {
		Person reviewer = this.world.staff("REVIEWER");
		Person approver = this.world.staff("APPROVER");
		Api.Response proposed = this.api.as(reviewer.token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		Api.Response approved = this.api.as(approver.token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
	}

	private String account(String domain, String language, boolean compromised) {
		String id = "n" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("""
				INSERT INTO platform_account (id, username, email, home_jurisdiction, language, compromised)
				VALUES (?, ?, ?, 'US', ?, ?)""").params(id, id, id + "@" + domain, language, compromised).update();
		return id;
	}

	private static String domain() {
		return "u" + UUID.randomUUID().toString().substring(0, 8) + ".example";
	}

	private MimeMessage awaitMail(String domain) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mail.getReceivedMessagesForDomain(domain).length > 0);
		return mail.getReceivedMessagesForDomain(domain)[0];
	}

	private List<JsonNode> notices(String id) {
		Person auditor = this.world.staff("AUDITOR");
		List<JsonNode> list = new ArrayList<>();
		this.api.as(auditor.token()).get("/api/v1/cases/" + id + "/notices").json().path("notices").forEach(list::add);
		return list;
	}

	private List<String> actions(String id) {
		return this.api.as(this.world.staff("AUDITOR").token())
			.get("/api/v1/cases/" + id + "/timeline")
			.json()
			.findValuesAsString("action");
	}

}
