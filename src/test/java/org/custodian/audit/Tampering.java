package org.custodian.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What someone who owns the database could do to the audit log: switch the triggers off
 * and cut or rewrite it consistently. Everything happens in one transaction that is
 * rolled back (triggers included), so the shared test database keeps its true log; the
 * verification under test runs inside it and sees the tampered log.
 */
final class Tampering {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate snapshot;

	Tampering(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	<T> T rolledBack(Supplier<T> work) {
		return this.transaction.execute((status) -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

	/**
	 * As {@link #rolledBack}, in one snapshot, as {@code AuditLog.verify} runs when it is
	 * not joined to a caller's transaction: events that background jobs append meanwhile
	 * must not look like removed ones. Only for tampering that leaves the chain's own
	 * tables alone (an update of a row appended meanwhile would fail to serialise).
	 */
	<T> T rolledBackInOneSnapshot(Supplier<T> work) {
		return this.snapshot.execute((status) -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

	void disableTriggers(String... tables) {
		for (String table : tables) {
			this.jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER").update();
		}
	}

	/** Deletes the events after {@code events} and rolls the head back to it. */
	void truncateTo(long events) {
		disableTriggers("audit_event", "audit_head");
		this.jdbc.sql("DELETE FROM audit_event WHERE seq > ?").param(events).update();
		this.jdbc
			.sql("UPDATE audit_head SET seq = seq_hash.seq, hash = seq_hash.hash "
					+ "FROM (SELECT seq, hash FROM audit_event WHERE seq = ?) seq_hash WHERE id = 1")
			.param(events)
			.update();
	}

	/**
	 * Changes event {@code seq}'s details and recomputes every hash from it on, and the
	 * head: a chain that is consistent in itself.
	 */
	void rewriteFrom(long seq, String details) {
		disableTriggers("audit_event", "audit_head");
		this.jdbc.sql("UPDATE audit_event SET details = ? WHERE seq = ?").params(details, seq).update();
		String previous = this.jdbc.sql("SELECT prev_hash FROM audit_event WHERE seq = ?")
			.param(seq)
			.query(String.class)
			.single();
		List<AuditRecord> events = this.jdbc
			.sql("SELECT " + ChainWalk.COLUMNS + " FROM audit_event WHERE seq >= ? " + "ORDER BY seq")
			.param(seq)
			.query(ChainWalk::record)
			.list();
		for (AuditRecord event : events) {
			String hash = AuditChain.hash(previous,
					AuditChain.canonical(event.seq(), event.occurredAt(), event.actorKind(), event.actorId(),
							event.action(), event.subjectType(), event.subjectId(), event.details()));
			this.jdbc.sql("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")
				.params(previous, hash, event.seq())
				.update();
			previous = hash;
		}
		this.jdbc.sql("UPDATE audit_head SET hash = ? WHERE id = 1").param(previous).update();
	}

	/** A forged event as its forger would compute it, appended after the head. */
	Forgery forge(String action, String subjectId) {
		AuditHead head = this.jdbc.sql("SELECT seq, hash FROM audit_head")
			.query((rs, row) -> new AuditHead(rs.getLong("seq"), rs.getString("hash")))
			.single();
		OffsetDateTime at = OffsetDateTime.now().withNano(0);
		long seq = head.events() + 1;
		String hash = AuditChain.hash(head.hash(),
				AuditChain.canonical(seq, at.toInstant(), "STAFF", "forger", action, "request", subjectId, "{}"));
		return new Forgery(seq, at, action, subjectId, head.hash(), hash);
	}

	/** A forged event with its writer-computed hash. */
	record Forgery(long seq, OffsetDateTime at, String action, String subjectId, String previousHash, String hash) {

		void insert(JdbcClient jdbc) {
			jdbc.sql("""
					INSERT INTO audit_event (seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id,
					  details, prev_hash, hash)
					VALUES (?, ?, 'STAFF', 'forger', ?, 'request', ?, '{}', ?, ?)""")
				.params(this.seq, this.at, this.action, this.subjectId, this.previousHash, this.hash)
				.update();
		}

	}

}
