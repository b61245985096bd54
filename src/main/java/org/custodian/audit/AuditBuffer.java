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
 * The audit events of one transaction, in the order they were published, appended in one
 * chained {@code INSERT} just before the transaction commits (docs/adr/0014). The chain
 * trigger takes the head's row lock at that insert, so concurrent transactions wait for
 * each other only from their last statement to their commit, not for their whole length.
 * The insert is still part of the transaction: if it fails, the change rolls back; if the
 * change rolls back, nothing is appended.
 */
final class AuditBuffer implements TransactionSynchronization {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Row> rows = new ArrayList<>();

	private final JdbcClient jdbc;

	private boolean flushed;

	private AuditBuffer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The buffer of the current transaction, registered with it on first use; null when
	 * no transaction synchronises (the caller then appends at once).
	 */
	static AuditBuffer current(JdbcClient jdbc) {
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
		AuditBuffer buffer = new AuditBuffer(jdbc);
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
		// The chain trigger numbers and hashes the rows in the order they arrive.
		jdbc.sql("""
				INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details)
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
		// The insert locks the head until the commit. So the commit follows it in the
		// same
		// round trip (the transaction manager's commit then finds nothing left to
		// commit):
		// the next appender waits for this statement and the commit's flush, not also for
		// this thread to be scheduled again to send the commit.
		insert(this.jdbc, all, ";\nCOMMIT");
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
