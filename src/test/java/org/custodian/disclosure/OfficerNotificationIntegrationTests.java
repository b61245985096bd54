package org.custodian.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.TestMail;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.custodian.web.WebAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Officers are e-mailed over real SMTP (GreenMail) when something happens to their
 * request, in their language, each e-mail once and on the record; the kinds they turn off
 * are not sent, but a decision and a refusal always are.
 */
class OfficerNotificationIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OfficerNotifications notifications;

	@Autowired
	NotificationSender sender;

	@Test
	void tellsTheOfficerOfTheDecisionAndThatTheDataIsReadyUntilWhen() throws Exception {
		Person officer = this.world.officer(this.world.agency("US"));
		String email = email(officer);
		String id = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		String caseNumber = this.world.officerView(officer, id).path("caseNumber").asString();
		decide(id, World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));

		MimeMessage decided = awaitMail(email, "Decision on request " + caseNumber);
		assertThat(text(decided)).contains("Decision: Disclose", "/portal/requests/" + id);
		MimeMessage ready = awaitMail(email, "The data for request " + caseNumber + " is ready");
		OffsetDateTime expires = this.jdbc.sql("SELECT expires_at FROM production WHERE request_id = ?::uuid")
			.param(id)
			.query(OffsetDateTime.class)
			.single();
		assertThat(text(ready)).contains("ready to download", "can be downloaded until "
				+ expires.withOffsetSameInstant(java.time.ZoneOffset.UTC).toString().substring(0, 10));
		assertThat(text(ready)).contains("http://").contains("/portal/requests/" + id);
		assertThat(html(ready)).contains("<a href=").contains("/portal/requests/" + id);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notified(id)).hasSize(2));

		// Sending again finds nothing to send: each e-mail goes once.
		this.sender.sendDue();
		assertThat(mailsTo(email)).hasSize(2);
	}

	@Test
	void asksTheQuestionInTheOfficersLanguage() throws Exception {
		WebSession web = new WebSession(this.port);
		World.Agency agency = this.world.agency("TW");
		String email = WebAccounts.officer(web, agency);
		web.get("/portal/notifications");
		WebSession.Page saved = web.post("/portal/notifications/settings",
				Map.of("language", "zh-TW", "kinds", "QUESTION_WAITING"));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		String path = WebAccounts.submit(web, subpoena());
		String id = path.substring(path.lastIndexOf('/') + 1);
		assertThat(this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/questions", Map.of("question", "Which account holder is the suspect?"))
			.status()).isEqualTo(200);

		MimeMessage asked = awaitMail(email, "有一個問題等待您回覆");
		assertThat(text(asked)).contains("審查人員", "Which account holder is the suspect?", path);
		WebSession.Page page = web.get("/portal/notifications?lang=zh-TW");
		assertThat(page.body()).contains("有問題等待您回覆", "已寄出");
	}

	@Test
	void sendsNothingTheOfficerTurnedOffButAlwaysTheRefusalWithWhatToDoInstead() throws Exception {
		WebSession web = new WebSession(this.port);
		String email = WebAccounts.officer(web, this.world.agency("US"));
		web.get("/portal/notifications");
		assertThat(web.post("/portal/notifications/settings", Map.of("language", "en")).status()).isEqualTo(302);
		assertThat(web.get("/portal/notifications").body()).contains("Your e-mail settings are saved.");
		String path = WebAccounts.submit(web, subpoena());
		String id = path.substring(path.lastIndexOf('/') + 1);
		assertThat(this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/questions", Map.of("question", "Which account?"))
			.status()).isEqualTo(200);
		assertThat(web.post(path + "/answer", Map.of("answer", "The first one.")).status()).isEqualTo(302);
		Map<String, Object> reject = new HashMap<>(World.decision("REJECT", List.of()));
		reject.put("rejectionReason", "OVERBROAD");
		decide(id, reject);

		String caseNumber = caseNumber(id);
		MimeMessage refused = awaitMail(email, "Request " + caseNumber + " was refused");
		assertThat(text(refused)).contains("Decision: Reject", "narrow the accounts, data or period");
		this.sender.sendDue();
		assertThat(mailsTo(email)).extracting(MimeMessage::getSubject)
			.as("the question was turned off")
			.noneMatch((subject) -> subject.contains("question"));
		assertThat(notified(id)).containsExactly("REQUEST_REJECTED");
		assertThat(web.get("/portal/notifications").body()).contains(caseNumber, "A request is refused", "Sent")
			.doesNotContain("A question waits for your answer</td>");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'officer.notification-preferences-changed'"
					+ " AND subject_id IN (SELECT id::text FROM officer WHERE email = ?)")
			.param(email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void tellsTheOfficersOfEveryRequestAPauseHoldsWhy() throws Exception {
		Person officer = this.world.officer(this.world.agency("LI"));
		String email = email(officer);
		String first = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		String second = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response enacted = new Policies(this.api, this.world).enact(Policies.pause("LI", "FROM_AUTHORITIES",
				List.of("REVIEW"), "ALL", "2020-01-01T00:00:00Z", "Consultations are concluded"));
		assertThat(enacted.status()).as(enacted.toString()).isEqualTo(201);
		try {
			for (String id : List.of(first, second)) {
				MimeMessage held = awaitMail(email, "Request " + caseNumber(id) + " is on hold");
				assertThat(text(held)).contains("Why:", "Requests from authorities of LI are paused",
						"Consultations are concluded");
			}
		}
		finally {
			this.jdbc
				.sql("UPDATE pause SET status = 'LIFTED', lifted_at = now(), lifted_by = gen_random_uuid(),"
						+ " lifting_proposed_at = now(), lifting_proposed_by = gen_random_uuid(),"
						+ " lifting_rationale = 'test end' WHERE id = ?::uuid")
				.param(enacted.json().path("id").asString())
				.update();
		}
	}

	@Test
	void warnsOnceThatAPackageWillBeDeleted() throws Exception {
		Person officer = this.world.officer(this.world.agency("US"));
		String email = email(officer);
		String id = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		decide(id, World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "PRODUCED".equals(this.jdbc.sql("SELECT status FROM production WHERE request_id = ?::uuid")
				.param(id)
				.query(String.class)
				.optional()
				.orElse(null)));
		Instant expires = this.jdbc.sql("SELECT expires_at FROM production WHERE request_id = ?::uuid")
			.param(id)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
		Instant dayBefore = expires.minus(Duration.ofDays(1));
		assertThat(this.notifications.warnOfExpiry(dayBefore, Duration.ofSeconds(86_401))).isGreaterThanOrEqualTo(1);
		assertThat(this.notifications.warnOfExpiry(dayBefore, Duration.ofSeconds(86_401))).isZero();
		MimeMessage warning = awaitMail(email, "will be deleted soon");
		assertThat(text(warning)).contains("can be downloaded until");
	}

	private void decide(String id, Map<String, Object> decision) {
		assertThat(this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/decision", decision)
			.status()).isEqualTo(200);
		assertThat(this.api.as(this.world.staff("APPROVER").token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"))
			.status()).isEqualTo(200);
	}

	private static Map<String, String> subpoena() {
		return Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Grand jury subpoena 7",
				"targets[0].kind", "USERNAME", "targets[0].value", "wire.fraudster", "categories", "BASIC_SUBSCRIBER");
	}

	private String email(Person officer) {
		return this.jdbc.sql("SELECT email FROM officer WHERE id = ?::uuid")
			.param(officer.id())
			.query(String.class)
			.single();
	}

	private String caseNumber(String id) {
		return this.jdbc.sql("SELECT case_number FROM request WHERE id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

	private List<String> notified(String id) {
		return this.jdbc.sql(
				"SELECT details::jsonb->>'kind' FROM audit_event WHERE action = 'officer.notified' AND subject_id = ? ORDER BY 1")
			.param(id)
			.query(String.class)
			.list();
	}

	private MimeMessage awaitMail(String to, String subjectPart) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> mailsTo(to).stream().filter((m) -> subject(m).contains(subjectPart)).findFirst().orElse(null),
					(found) -> found != null);
	}

	private static List<MimeMessage> mailsTo(String to) {
		return Arrays.stream(TestMail.server().getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((address) -> address.toString().equalsIgnoreCase(to));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text part, decoded. */
	static String text(MimeMessage message) throws Exception {
		return part(message, "text/plain");
	}

	static String html(MimeMessage message) throws Exception {
		return part(message, "text/html");
	}

	private static String part(Object content, String type) throws Exception {
		if (content instanceof jakarta.mail.Part part) {
			if (part.isMimeType(type)) {
				return part.getContent().toString();
			}
			if (part.isMimeType("multipart/*")) {
				jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = part(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
		}
		return null;
	}

}
