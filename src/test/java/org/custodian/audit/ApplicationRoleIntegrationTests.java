package org.custodian.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.custodian.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production role split (README "Configuration", {@code db/application-role.sql}): a
 * role with the application's rights, created on the test database, cannot switch a
 * trigger off or touch the head, and still appends events that the chain numbers and
 * hashes.
 */
class ApplicationRoleIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	Tampering tampering;

	String role;

	@BeforeEach
	void createTheApplicationRole() throws IOException {
		this.tampering = new Tampering(this.jdbc, this.transactions);
		// Roles belong to the whole server, which other test runs share: a name of its
		// own.
		byte[] suffix = new byte[6];
		new Random().nextBytes(suffix);
		this.role = "custodian_app_test_" + HexFormat.of().formatHex(suffix);
		String grants = new ClassPathResource("db/application-role.sql").getContentAsString(StandardCharsets.UTF_8)
			.replace("custodian_app", this.role);
		this.jdbc.sql("CREATE ROLE " + this.role + " NOLOGIN").update();
		this.jdbc.sql(grants).update();
	}

	@AfterEach
	void dropTheApplicationRole() {
		this.jdbc.sql("DROP OWNED BY " + this.role).update();
		this.jdbc.sql("DROP ROLE " + this.role).update();
	}

	@Test
	void cannotSwitchTheAuditTriggersOff() {
		refused("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only", "must be owner of");
		refused("ALTER TABLE audit_event DISABLE TRIGGER ALL", "must be owner of");
		refused("ALTER TABLE audit_head DISABLE TRIGGER USER", "must be owner of");
		refused("ALTER TABLE audit_checkpoint DISABLE TRIGGER USER", "must be owner of");
		refused("SET session_replication_role = replica", "permission denied to set parameter");
		refused("DROP TRIGGER audit_event_chain ON audit_event", "must be owner of");
	}

	@Test
	void cannotChangeTheHeadOrRemoveEventsOrCheckpoints() {
		refused("UPDATE audit_head SET seq = seq - 1", "permission denied for table audit_head");
		refused("TRUNCATE audit_event", "permission denied for table audit_event");
		refused("DELETE FROM audit_event", "permission denied for table audit_event");
		refused("UPDATE audit_event SET details = '{}'", "permission denied for table audit_event");
		refused("DELETE FROM audit_checkpoint", "permission denied for table audit_checkpoint");
		refused("DELETE FROM audit_pending", "permission denied for table audit_pending");
		refused("UPDATE audit_pending SET details = '{}'", "permission denied for table audit_pending");
	}

	@Test
	void chainsItsPendingEventsThroughTheChainProcedure() {
		long[] seqs = this.tampering.rolledBack(() -> {
			long head = this.jdbc.sql("SELECT seq FROM audit_head").query(Long.class).single();
			this.jdbc.sql("SET LOCAL ROLE " + this.role).update();
			this.jdbc
				.sql("INSERT INTO audit_pending (actor_kind, actor_id, action, subject_type, subject_id, details) "
						+ "VALUES ('SYSTEM', 'custodian', 'test.pending', 'test', 'role', '{}')")
				.update();
			this.jdbc.sql("CALL audit_chain_pending()").update();
			long chained = this.jdbc.sql("SELECT seq FROM audit_event WHERE action = 'test.pending'")
				.query(Long.class)
				.single();
			return new long[] { head, chained,
					this.jdbc.sql("SELECT count(*) FROM audit_pending WHERE action = " + "'test.pending'")
						.query(Long.class)
						.single() };
		});

		assertThat(seqs[1]).isGreaterThan(seqs[0]);
		assertThat(seqs[2]).as("pending events left after chaining").isZero();
	}

	@Test
	void appendsEventsThatTheChainNumbersAndHashes() {
		long[] seqs = this.tampering.rolledBack(() -> {
			long head = this.jdbc.sql("SELECT seq FROM audit_head").query(Long.class).single();
			this.jdbc.sql("SET LOCAL ROLE " + this.role).update();
			this.jdbc
				.sql("INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details) "
						+ "VALUES ('SYSTEM', 'custodian', 'test.appended', 'test', 'role', '{}')")
				.update();
			long appended = this.jdbc.sql("SELECT seq FROM audit_event WHERE action = 'test.appended'")
				.query(Long.class)
				.single();
			return new long[] { head, appended,
					this.jdbc.sql("SELECT seq FROM audit_head").query(Long.class).single() };
		});

		assertThat(seqs[1]).isEqualTo(seqs[0] + 1);
		assertThat(seqs[2]).isEqualTo(seqs[1]);
	}

	private void refused(String sql, String message) {
		assertThatThrownBy(() -> this.tampering.rolledBack(() -> {
			this.jdbc.sql("SET LOCAL ROLE " + this.role).update();
			return this.jdbc.sql(sql).update();
		})).rootCause().hasMessageContaining(message);
	}

}
