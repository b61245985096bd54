package org.custodian.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.RowCallbackHandler;
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

	AuditLog(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
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
		this.jdbc.sql(
				"INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details, prev_hash, hash, seq, occurred_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)")
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
		Map<String, Object> head = this.jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query()
			.singleRow();
		long seq = ((Number) head.get("seq")).longValue();
		String hash = (String) head.get("hash");
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String[] details = new String[n];
		String[] previous = new String[n];
		String[] hashes = new String[n];
		for (int i = 0; i < n; i++) {
			details[i] = this.json.writeValueAsString(new TreeMap<>(batch.details().get(i)));
			previous[i] = hash;
			hash = AuditChain.hash(hash, AuditChain.canonical(seq + i + 1, at, batch.actor().kind().name(),
					batch.actor().id(), batch.action(), batch.subjectType(), batch.subjectIds().get(i), details[i]));
			hashes[i] = hash;
		}
		this.jdbc
			.sql("""
					INSERT INTO audit_event (seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, details,
					  prev_hash, hash)
					SELECT ? + t.o, ?, ?, ?, ?, ?, t.s, t.d, t.p, t.h
					FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS t(s, d, p, h, o)""")
			.params(seq, at.atOffset(ZoneOffset.UTC), batch.actor().kind().name(), batch.actor().id(), batch.action(),
					batch.subjectType(), batch.subjectIds().toArray(String[]::new), details, previous, hashes)
			.update();
		this.jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq + n, hash).update();
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

	/** The events about one subject, oldest first. */
	@Transactional(readOnly = true)
	public List<AuditRecord> timeline(String subjectType, String subjectId) {
		return this.jdbc
			.sql("SELECT seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, details, hash "
					+ "FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY seq")
			.params(subjectType, subjectId)
			.query(AuditLog::record)
			.list();
	}

	/**
	 * The verification as a use case: for an auditor or an administrator (or the operator
	 * at the command line).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify(CurrentUser caller) {
		caller.require(Action.VERIFY_AUDIT_LOG);
		return verify();
	}

	/**
	 * Recomputes every hash from the first event, streaming the log, and compares the end
	 * of the chain with the recorded head so that deleting the newest events is caught as
	 * well. One snapshot for both reads: events appended meanwhile (background jobs) must
	 * not look like removed ones. Surfaces call {@link #verify(CurrentUser)}; this is for
	 * use cases that have checked their own caller (a publication's verification).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		ChainWalker walker = new ChainWalker();
		this.jdbcTemplate
			.query("SELECT seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, details, hash "
					+ "FROM audit_event ORDER BY seq", walker);
		if (walker.result != null) {
			return walker.result;
		}
		Map<String, Object> head = this.jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1").query().singleRow();
		long headSeq = ((Number) head.get("seq")).longValue();
		if (headSeq != walker.count || !head.get("hash").equals(walker.previousHash)) {
			return Verification.broken(walker.count, walker.previousHash, walker.count + 1, "the log ends at event "
					+ walker.count + " but its recorded head is event " + headSeq + ": events were removed");
		}
		return new Verification(true, walker.count, walker.previousHash, null, null);
	}

	private static AuditRecord record(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("action"),
				rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("details"),
				rs.getString("hash"));
	}

	private static final class ChainWalker implements RowCallbackHandler {

		private String previousHash = AuditChain.GENESIS;

		private long count;

		private Verification result;

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			if (this.result != null) {
				return;
			}
			AuditRecord event = record(rs, 0);
			long expectedSeq = this.count + 1;
			if (event.seq() != expectedSeq) {
				this.result = Verification.broken(this.count, this.previousHash, expectedSeq,
						"event " + expectedSeq + " is missing");
				return;
			}
			String canonical = AuditChain.canonical(event.seq(), event.occurredAt(), event.actorKind(), event.actorId(),
					event.action(), event.subjectType(), event.subjectId(), event.details());
			String expected = AuditChain.hash(this.previousHash, canonical);
			if (!expected.equals(event.hash())) {
				this.result = Verification.broken(this.count, this.previousHash, event.seq(),
						"event " + event.seq() + " (" + event.action() + " on " + event.subjectType() + " "
								+ event.subjectId() + ") does not match its hash: it was altered");
				return;
			}
			this.previousHash = event.hash();
			this.count++;
		}

	}

}
