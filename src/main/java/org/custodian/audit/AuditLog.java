package org.custodian.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AuditableBatch;
import org.custodian.shared.AuditableEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the chained log in the transaction of the change they record, and
 * recomputes the chain on demand.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Checkpoints checkpoints;

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
	 * its effects.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@Transactional
	public void append(AuditableEvent event) {
		String details = this.json.writeValueAsString(new TreeMap<>(event.details()));
		this.jdbc
			.sql("INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(event.actor().kind().name(), event.actor().id(), event.action(), event.subjectType(),
					event.subjectId(), details)
			.update();
	}

	/**
	 * Records one event per subject of the batch in a single statement, in the
	 * publisher's transaction.
	 */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@Transactional
	public void appendAll(AuditableBatch batch) {
		int n = batch.subjectIds().size();
		if (n == 0) {
			return;
		}
		String[] details = new String[n];
		for (int i = 0; i < n; i++) {
			details[i] = this.json.writeValueAsString(new TreeMap<>(batch.details().get(i)));
		}
		// The chain trigger numbers and hashes the rows in the order they arrive.
		this.jdbc
			.sql("""
					INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details)
					SELECT ?, ?, ?, ?, t.s, t.d FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS t(s, d, o) ORDER BY t.o""")
			.params(batch.actor().kind().name(), batch.actor().id(), batch.action(), batch.subjectType(),
					batch.subjectIds().toArray(String[]::new), details)
			.update();
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
