package org.custodian.audit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.custodian.shared.AuditableBatch;
import org.custodian.shared.AuditableEvent;
import org.custodian.shared.PendingAuditEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit events of one transaction, in the order they were published, written just
 * before the transaction commits (docs/adr/0014), as pending events in one {@code INSERT}
 * that takes no shared lock; right after the commit they are moved into the chain by one
 * short transaction for a group of committed transactions ({@link ChainGroup},
 * docs/adr/0023). The insert is still part of the transaction: if it fails, the change
 * rolls back; if the change rolls back, nothing is recorded. A transaction with more than
 * {@value #GROUP_LIMIT} events (a bulk change) appends them to the chain at once instead,
 * holding the head's lock for its own commit: moving them would write them twice.
 */
final class AuditBuffer implements TransactionSynchronization {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Row> rows = new ArrayList<>();

	/** The most events a transaction sends through the pending table. */
	static final int GROUP_LIMIT = 1000;

	private final JdbcClient jdbc;

	private final ChainGroup group;

	private boolean flushed;

	private AuditBuffer(JdbcClient jdbc, ChainGroup group) {
		this.jdbc = jdbc;
		this.group = group;
	}

	/**
	 * The buffer of the current transaction, registered with it on first use; null when
	 * no transaction synchronises (the caller then appends at once).
	 */
	static AuditBuffer current(JdbcClient jdbc, ChainGroup group) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return null;
		}
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof AuditBuffer buffer) {
				return buffer.flushed ? null : buffer;
			}
		}
		AuditBuffer buffer = new AuditBuffer(jdbc, group);
		TransactionSynchronizationManager.registerSynchronization(buffer);
		return buffer;
	}

	/** Appends the rows now, in one statement, chained in their order. */
	static void insert(JdbcClient jdbc, List<Row> rows) {
		insert(jdbc, rows, "");
	}

	/**
	 * Appends the rows in one statement, chained in their order, followed in the same
	 * round trip by {@code then} (one more statement, or nothing).
	 */
	private static void insert(JdbcClient jdbc, List<Row> rows, String then) {
		write(jdbc, "audit_event", rows, then);
	}

	/**
	 * Inserts the rows into the chain or the pending table in one statement, in their
	 * order, followed in the same round trip by {@code then}.
	 */
	private static void write(JdbcClient jdbc, String table, List<Row> rows, String then) {
		if (rows.isEmpty()) {
			return;
		}
		int n = rows.size();
		String[][] columns = new String[6][n];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			columns[0][i] = row.actorKind();
			columns[1][i] = row.actorId();
			columns[2][i] = row.action();
			columns[3][i] = row.subjectType();
			columns[4][i] = row.subjectId();
			columns[5][i] = row.details();
		}
		// The chain trigger numbers and hashes the rows in the order they arrive; the
		// pending table numbers them in that order too.
		jdbc.sql("INSERT INTO " + table + """
				 (actor_kind, actor_id, action, subject_type, subject_id, details)
				SELECT t.k, t.a, t.n, t.t, t.s, t.d
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				  WITH ORDINALITY AS t(k, a, n, t, s, d, o)
				ORDER BY t.o""" + then).params((Object[]) columns).update();
	}

	void add(List<Row> more) {
		this.rows.addAll(more);
	}

	@Override
	public int getOrder() {
		// After every other synchronisation's beforeCommit, which may still publish.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		this.flushed = true;
		List<Row> all = new ArrayList<>(this.rows.size() + 1);
		// The token that authorised this change is recorded with it, first.
		PendingAuditEvent.take().ifPresent((event) -> all.add(Row.of(event)));
		all.addAll(this.rows);
		this.rows.clear();
		if (all.isEmpty()) {
			return;
		}
		if (all.size() > GROUP_LIMIT) {
			// The insert locks the head until the commit, so the commit follows it in the
			// same round trip (the transaction manager's commit then finds nothing to
			// commit): the next appender waits for this statement and the commit's flush,
			// not also for this thread to be scheduled again to send the commit.
			insert(this.jdbc, all, ";\nCOMMIT");
			return;
		}
		// Committed with the change, durably, without the head's lock; then chained
		// (with other transactions' events) before the caller hears of the commit.
		write(this.jdbc, "audit_pending", all, ";\nCOMMIT");
		this.group.chainCommitted(() -> chainPending(this.jdbc));
	}

	/**
	 * Moves every committed pending event into the chain and commits, in the current
	 * transaction's connection; rolls back what it began if that fails.
	 */
	static void chainPending(JdbcClient jdbc) {
		try {
			jdbc.sql("CALL audit_chain_pending();\nCOMMIT").update();
		}
		catch (RuntimeException ex) {
			try {
				jdbc.sql("ROLLBACK").update();
			}
			catch (RuntimeException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw ex;
		}
	}

	/** One event as stored: details as canonical JSON text (sorted keys). */
	record Row(String actorKind, String actorId, String action, String subjectType, String subjectId, String details) {

		static Row of(AuditableEvent event) {
			return new Row(event.actor().kind().name(), event.actor().id(), event.action(), event.subjectType(),
					event.subjectId(), JSON.writeValueAsString(new TreeMap<>(event.details())));
		}

		static List<Row> of(AuditableBatch batch) {
			List<Row> rows = new ArrayList<>(batch.subjectIds().size());
			// A batch's subjects mostly share their details (one instance for all): each
			// distinct instance is written once.
			Map<Map<String, Object>, String> written = new IdentityHashMap<>();
			for (int i = 0; i < batch.subjectIds().size(); i++) {
				String details = written.computeIfAbsent(batch.details().get(i),
						(detail) -> JSON.writeValueAsString(new TreeMap<>(detail)));
				rows.add(new Row(batch.actor().kind().name(), batch.actor().id(), batch.action(), batch.subjectType(),
						batch.subjectIds().get(i), details));
			}
			return rows;
		}

	}

}
