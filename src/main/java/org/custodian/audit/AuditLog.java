package org.custodian.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AuditableBatch;
import org.custodian.shared.AuditableEvent;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records events in the transaction of the change they record, chains them right after
 * its commit (docs/adr/0023), and recomputes the chain on demand.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Checkpoints checkpoints;

	private final ChainGroup group = new ChainGroup();

	AuditLog(JdbcClient jdbc, DataSource dataSource, Checkpoints checkpoints) {
		this.jdbc = jdbc;
		this.checkpoints = checkpoints;
		// Its own template: a fetch size makes PostgreSQL stream the log instead of
		// loading it whole.
		this.jdbcTemplate = new JdbcTemplate(dataSource);
		this.jdbcTemplate.setFetchSize(1000);
	}

	/**
	 * Records an event. Runs in the publisher's transaction, so if the change rolls back,
	 * so does its record; and before any other listener, so that a cause is logged before
	 * its effects. The transaction's events are appended together just before it commits
	 * ({@link AuditBuffer}).
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@Transactional
	public void append(AuditableEvent event) {
		record(List.of(AuditBuffer.Row.of(event)));
	}

	/**
	 * Records one event per subject of the batch, in the publisher's transaction, in the
	 * same statement as the transaction's other events.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@Transactional
	public void appendAll(AuditableBatch batch) {
		if (!batch.subjectIds().isEmpty()) {
			record(AuditBuffer.Row.of(batch));
		}
	}

	private void record(List<AuditBuffer.Row> rows) {
		AuditBuffer buffer = AuditBuffer.current(this.jdbc, this.group);
		if (buffer != null) {
			buffer.add(rows);
		}
		else {
			AuditBuffer.insert(this.jdbc, rows);
		}
	}

	/**
	 * How many events the log holds and the hash of the newest: what a statement computed
	 * from the log can cite, so that the log it was computed on can be recognised later.
	 */
	@Transactional(readOnly = true)
	public AuditHead head() {
		return this.jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
			.query((rs, row) -> new AuditHead(rs.getLong("seq"), rs.getString("hash")))
			.single();
	}

	/** The hash recorded for one event, if the log has it. */
	@Transactional(readOnly = true)
	public Optional<String> hashOf(long seq) {
		return this.jdbc.sql("SELECT hash FROM audit_event WHERE seq = ?").param(seq).query(String.class).optional();
	}

	/** The events about one request, oldest first: part of the case file, for staff. */
	@Transactional(readOnly = true)
	public List<AuditRecord> timeline(String subjectType, String subjectId, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		return this.jdbc
			.sql("SELECT " + ChainWalk.COLUMNS
					+ " FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY seq")
			.params(subjectType, subjectId)
			.query(ChainWalk::record)
			.list();
	}

	/**
	 * The verification as a use case: for an auditor or an administrator (or the operator
	 * at the command line).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify(CurrentUser caller) {
		return verify(caller, List.of());
	}

	/**
	 * The verification as a use case, holding the chain against checkpoints saved
	 * elsewhere as well.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify(CurrentUser caller, List<Checkpoint> saved) {
		caller.require(Action.VERIFY_AUDIT_LOG);
		return verify(saved);
	}

	/**
	 * Recomputes every hash from the first event, streaming the log; compares the events
	 * that signed checkpoints name with the checkpoints' hashes, so that a log rewritten
	 * from some event on is caught; and compares the end of the chain with the newest
	 * checkpoint and the recorded head, so that removing the newest events is caught as
	 * well. One snapshot for every read: events appended meanwhile (background jobs) must
	 * not look like removed ones. Surfaces call {@link #verify(CurrentUser)}; this is for
	 * use cases that have checked their own caller (a publication's verification).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		return verify(List.of());
	}

	/**
	 * Verifies as {@link #verify()} does, holding the chain against these checkpoints
	 * (e.g. saved elsewhere) as well.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify(List<Checkpoint> saved) {
		List<Checkpoint> outside = new ArrayList<>(this.checkpoints.outside());
		outside.addAll(saved);
		CheckpointSet checkpoints = this.checkpoints.check(outside);
		ChainWalk walk = ChainWalk.fromGenesis(checkpoints.valid());
		this.jdbcTemplate.query("SELECT " + ChainWalk.COLUMNS + " FROM audit_event ORDER BY seq", walk);
		return checkpoints.judge(walk, head());
	}

}
