package org.custodian.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.custodian.shared.web.PublicUrl;
import org.custodian.support.IntegrationTest;
import org.custodian.support.TestMail;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The daily digest to the response team's lead (ADR 0015): what is overdue, most urgent
 * first, each with a link from the configured public URL; sent over real SMTP (GreenMail)
 * and recorded in the audit log.
 */
class OverdueDigestIntegrationTests extends IntegrationTest {

	@Autowired
	OverdueDigest digest;

	@Autowired
	PublicUrl publicUrl;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLeadIsToldEachMorningWhatIsOverdueWithLinksToTheCases() throws MessagingException {
		Person officer = this.world.officer(this.world.agency("TZ"));
		String emergency = this.world.submit(officer,
				Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "USERNAME", "value", "dar-1")),
						"categories", List.of("BASIC_SUBSCRIBER"), "emergency",
						Map.of("threat", "Threat to attack a school within hours", "supervisorName", "Sgt. Mushi",
								"supervisorPhone", "+255 22 211 0000")));
		String onTime = this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		// Ten days pass for the emergency: the test cannot wait, so its due time moves
		// back.
		this.jdbc.sql("UPDATE review_case SET due_at = due_at - interval '10 days' WHERE request_id = ?::uuid")
			.param(emergency)
			.update();
		int before = TestMail.bodiesTo(DIGEST_TO).size();

		int overdue = this.digest.send();

		assertThat(overdue).isPositive();
		List<String> bodies = TestMail.bodiesTo(DIGEST_TO);
		assertThat(bodies).hasSize(before + 1);
		String body = bodies.get(bodies.size() - 1).replace("=\r\n", "").replace("=3D", "=");
		assertThat(body)
			.contains(caseNumber(emergency), "Emergency", "due ", this.publicUrl.link("/console/cases/" + emergency),
					"unassigned")
			.doesNotContain(caseNumber(onTime));
		Message last = Arrays.stream(TestMail.server().getReceivedMessages())
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(last.getSubject()).endsWith("overdue");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'deadlines.digest-sent' AND details::text LIKE ?")
			.param("%" + caseNumber(emergency) + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theDigestIsADailyJobAtTheConfiguredTime() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scheduled()).isNotNull());
		OffsetDateTime next = scheduled().withOffsetSameInstant(ZoneOffset.UTC);
		assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(7, 0));
		assertThat(Duration.between(Instant.now(), next.toInstant())).isLessThanOrEqualTo(Duration.ofDays(1));
	}

	private OffsetDateTime scheduled() {
		return this.jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = ?")
			.param(DeadlineJobs.DIGEST)
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
	}

	private String caseNumber(String id) {
		return this.jdbc.sql("SELECT case_number FROM review_case WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

}
