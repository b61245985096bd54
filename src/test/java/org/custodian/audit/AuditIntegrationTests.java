package org.custodian.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.shared.Actor;
import org.custodian.shared.AuditableBatch;
import org.custodian.shared.AuditableEvent;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log is append-only and no writer forges it: the database numbers and hashes
 * every event itself and moves the head only with the chain; altering it behind the
 * database's back is detected by the API and by the {@code audit verify} command. (Cuts
 * and rewrites by the database's owner: {@link AuditCheckpointIntegrationTests}.)
 */
class AuditIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditVerifyCommand command;

	@Autowired
	AuditLog log;

	@Autowired
	PlatformTransactionManager transactions;

	Tampering tampering;

	@BeforeEach
	void tampering() {
		this.tampering = new Tampering(this.jdbc, this.transactions);
	}

	@Test
	void refusesUpdatesDeletesAndTruncation() {
		this.world.staff("AUDITOR");
		assertRefused("UPDATE audit_event SET action = 'nothing' WHERE seq = 1", "audit_event is append-only: UPDATE");
		assertRefused("DELETE FROM audit_event WHERE seq = 1", "audit_event is append-only: DELETE");
		assertRefused("TRUNCATE audit_event", "audit_event is append-only: TRUNCATE");
	}

	@Test
	void refusesAForgedApprovalWithItsOwnHashAndAMovedHead() {
		Person auditor = this.world.staff("AUDITOR");
		String id = this.world.submit(this.world.officer(this.world.agency("US")),
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		JsonNode before = verify(auditor);
		Tampering.Forgery forgery = this.tampering.forge("request.approved", id);

		assertThatThrownBy(() -> this.tampering.rolledBack(() -> {
			forgery.insert(this.jdbc);
			return null;
		})).hasMessageContaining("set by the chain, not by the writer");
		assertRefused("UPDATE audit_head SET seq = " + forgery.seq() + ", hash = '" + forgery.hash() + "'",
				"audit_head moves only with the audit chain: UPDATE");

		JsonNode after = verify(auditor);
		assertThat(after.path("valid").asBoolean()).isTrue();
		assertThat(after.path("events").asLong()).isGreaterThanOrEqualTo(before.path("events").asLong());
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_id = 'forger'").query(Long.class).single())
			.isZero();
	}

	@Test
	void refusesAnySuppliedNumberTimeOrPreviousHash() {
		String columns = "INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details, ";
		assertRefused(columns + "seq) VALUES ('STAFF', 'x', 'a', 's', 'i', '{}', 999999)", "set by the chain");
		assertRefused(columns + "occurred_at) VALUES ('STAFF', 'x', 'a', 's', 'i', '{}', now() - interval '1 year')",
				"set by the chain");
		assertRefused(columns + "prev_hash) VALUES ('STAFF', 'x', 'a', 's', 'i', '{}', repeat('0', 64))",
				"set by the chain");
	}

	@Test
	void refusesEveryDirectChangeOfTheHead() {
		assertRefused("UPDATE audit_head SET seq = seq - 1", "audit_head moves only with the audit chain: UPDATE");
		assertRefused("DELETE FROM audit_head", "audit_head moves only with the audit chain: DELETE");
		assertRefused("INSERT INTO audit_head VALUES (2, 0, repeat('0', 64))",
				"audit_head moves only with the audit chain: INSERT");
		assertRefused("TRUNCATE audit_head", "audit_head moves only with the audit chain: TRUNCATE");
	}

	@Test
	void chainsEveryRowOfOneMultiRowInsertInOrder() {
		Person auditor = this.world.staff("AUDITOR");
		String run = UUID.randomUUID().toString();
		List<String> subjects = List.of(run + "-a", run + "-b", run + "-c");
		this.log.appendAll(new Batch(subjects));

		List<AuditRecord> events = events(run);
		assertThat(events).extracting(AuditRecord::subjectId).containsExactlyElementsOf(subjects);
		assertThat(events.get(1).seq()).isEqualTo(events.get(0).seq() + 1);
		assertThat(events.get(2).seq()).isEqualTo(events.get(1).seq() + 1);
		assertThat(verify(auditor).path("valid").asBoolean()).isTrue();
	}

	@Test
	void appendsATransactionsEventsTogetherAtItsCommitInTheOrderPublished() {
		Person auditor = this.world.staff("AUDITOR");
		String run = UUID.randomUUID().toString();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		long seenBeforeCommit = transaction.execute((status) -> {
			this.log.append(new Single(run + "-1"));
			this.log.appendAll(new Batch(List.of(run + "-2", run + "-3")));
			this.log.append(new Single(run + "-4"));
			// Nothing is written (and the chain's head not locked) until the commit.
			return (long) events(run).size();
		});

		assertThat(seenBeforeCommit).isZero();
		List<AuditRecord> events = events(run);
		assertThat(events).extracting(AuditRecord::subjectId)
			.containsExactly(run + "-1", run + "-2", run + "-3", run + "-4");
		assertThat(events.get(3).seq()).isEqualTo(events.get(0).seq() + 3);
		assertThat(this.jdbc.sql("SELECT count(DISTINCT xmin::text) FROM audit_event WHERE subject_id LIKE ?")
			.param(run + "-%")
			.query(Long.class)
			.single()).as("one transaction").isEqualTo(1);

		this.tampering.rolledBack(() -> {
			this.log.append(new Single(run + "-5"));
			return null;
		});
		assertThat(events(run)).hasSize(4);
		assertThat(verify(auditor).path("valid").asBoolean()).isTrue();
	}

	private List<AuditRecord> events(String run) {
		return this.jdbc
			.sql("SELECT " + ChainWalk.COLUMNS + " FROM audit_event WHERE action LIKE 'test.%' AND subject_id LIKE ? "
					+ "ORDER BY seq")
			.param(run + "-%")
			.query(ChainWalk::record)
			.list();
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

	private void assertRefused(String sql, String message) {
		assertThatThrownBy(() -> this.tampering.rolledBack(() -> this.jdbc.sql(sql).update()))
			.hasMessageContaining(message);
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

	/** One event. */
	record Single(String subjectId) implements AuditableEvent {

		@Override
		public Actor actor() {
			return Actor.SYSTEM;
		}

		@Override
		public String action() {
			return "test.single";
		}

		@Override
		public String subjectType() {
			return "test";
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("subject", this.subjectId);
		}

	}

	/** Three events of one kind, as a pause's bulk hold appends them. */
	record Batch(List<String> subjectIds) implements AuditableBatch {

		@Override
		public Actor actor() {
			return Actor.SYSTEM;
		}

		@Override
		public String action() {
			return "test.batched";
		}

		@Override
		public String subjectType() {
			return "test";
		}

		@Override
		public List<Map<String, Object>> details() {
			return this.subjectIds.stream().map((id) -> Map.<String, Object>of("subject", id)).toList();
		}

	}

}
