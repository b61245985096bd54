package org.custodian.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log is append-only, and altering it behind the database's back is detected by
 * the API and by the {@code audit verify} command.
 */
class AuditIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditVerifyCommand command;

	@Test
	void refusesUpdatesAndDeletes() {
		this.world.staff("AUDITOR");
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_event SET action = 'nothing' WHERE seq = 1").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event WHERE seq = 1").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void namesTheFirstAlteredEvent() {
		Person auditor = this.world.staff("AUDITOR");
		Person officer = this.world.officer(this.world.agency("US"));
		String id = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		long seq = this.jdbc.sql("SELECT seq FROM audit_event WHERE subject_id = ? AND action = 'request.submitted'")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(verify(auditor).path("valid").asBoolean()).isTrue();
		assertThat(run()).startsWith("Audit log valid");

		String original = this.jdbc.sql("SELECT details::text FROM audit_event WHERE seq = ?")
			.param(seq)
			.query(String.class)
			.single();
		tamper(seq, "{\"caseNumber\": \"CR-0000-000000\"}");
		try {
			JsonNode broken = verify(auditor);
			assertThat(broken.path("valid").asBoolean()).isFalse();
			assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(seq);
			assertThat(broken.path("problem").asString()).contains("altered", id);
			assertThat(this.command.run(List.of(), new PrintStream(new ByteArrayOutputStream()))).isEqualTo(1);
			assertThat(run()).contains("BROKEN at event " + seq);
		}
		finally {
			tamper(seq, original);
		}
		assertThat(verify(auditor).path("valid").asBoolean()).isTrue();
	}

	@Test
	void recordsStaffReadsOfACase() {
		Person reviewer = this.world.staff("REVIEWER");
		Person officer = this.world.officer(this.world.agency("US"));
		String id = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		this.api.as(reviewer.token()).get("/api/v1/cases/" + id);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'request.viewed' AND actor_id = ?")
			.params(id, reviewer.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private JsonNode verify(Person auditor) {
		return this.api.as(auditor.token()).get("/api/v1/audit/verification").json();
	}

	private String run() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.command.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	/**
	 * What someone with database access could do: switch the guard off, edit, switch it
	 * on.
	 */
	private void tamper(long seq, String details) {
		this.jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").update();
		try {
			this.jdbc.sql("UPDATE audit_event SET details = ? WHERE seq = ?").params(details, seq).update();
		}
		finally {
			this.jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").update();
		}
	}

}
