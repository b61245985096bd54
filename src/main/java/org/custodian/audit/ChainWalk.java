package org.custodian.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Recomputes the chain over events streamed in order, from a known point (the genesis, or
 * a checkpoint), and compares each event that a signed checkpoint covers with the
 * checkpoint's hash. Stops at the first problem.
 */
final class ChainWalk implements RowCallbackHandler {

	static final String COLUMNS = "seq, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, details, hash";

	private final NavigableMap<Long, Checkpoint> checkpoints;

	private String previousHash;

	private long count;

	private Checkpoint lastMatched;

	private Verification result;

	private ChainWalk(long count, String previousHash, NavigableMap<Long, Checkpoint> checkpoints) {
		this.count = count;
		this.previousHash = previousHash;
		this.checkpoints = checkpoints;
	}

	/** From the first event, against these (signature-checked) checkpoints. */
	static ChainWalk fromGenesis(NavigableMap<Long, Checkpoint> checkpoints) {
		return new ChainWalk(0, AuditChain.GENESIS, checkpoints);
	}

	/** From the event a checkpoint names, for the events after it. */
	static ChainWalk after(Checkpoint checkpoint) {
		return new ChainWalk(checkpoint.events(), checkpoint.hash(), new TreeMap<>());
	}

	static AuditRecord record(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("action"),
				rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("details"),
				rs.getString("hash"));
	}

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
		if (!AuditChain.hash(this.previousHash, canonical).equals(event.hash())) {
			this.result = Verification.broken(this.count, this.previousHash, event.seq(),
					"event " + event.seq() + " (" + event.action() + " on " + event.subjectType() + " "
							+ event.subjectId() + ") does not match its hash: it was altered");
			return;
		}
		Checkpoint checkpoint = this.checkpoints.get(event.seq());
		if (checkpoint != null && !checkpoint.hash().equals(event.hash())) {
			this.result = Verification.broken(this.count, this.previousHash, event.seq(), rewritten(checkpoint, event));
			return;
		}
		if (checkpoint != null) {
			this.lastMatched = checkpoint;
		}
		this.previousHash = event.hash();
		this.count++;
	}

	private String rewritten(Checkpoint checkpoint, AuditRecord event) {
		String from = (this.lastMatched != null)
				? "some event after " + this.lastMatched.events() + " (the last checkpoint that still matches)"
				: "some event up to " + event.seq();
		return "rewritten: " + checkpoint.describe() + " has hash " + abbreviate(checkpoint.hash()) + ", but event "
				+ event.seq() + " now has " + abbreviate(event.hash()) + ": the log was rewritten from " + from + " on";
	}

	static String abbreviate(String hash) {
		return hash.substring(0, 12) + "…";
	}

	/** The first problem found, or null if every event so far verifies. */
	Verification problem() {
		return this.result;
	}

	/** The number of the last verified event. */
	long count() {
		return this.count;
	}

	/** The hash of the last verified event. */
	String head() {
		return this.previousHash;
	}

}
