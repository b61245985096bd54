package org.custodian.policy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The advisory lock that orders the pauses in force against the requests decided by them,
 * on every node. A transaction that reads the pauses in force to hold or pass a request
 * takes it shared; one that puts a pause in force or ends it takes it alone. An enactment
 * therefore waits for the requests being screened to commit and then holds them too, and
 * a request screened after it sees the pause. Without it, a request screened on one node
 * while a pause is enacted on another could read no pause and commit after the
 * enactment's hold, unpaused. Both are held until the transaction ends.
 */
@Component
class InForceLock {

	private static final long KEY = 0x637573746f64L;

	private final JdbcClient jdbc;

	InForceLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Taken by a transaction that decides requests by the pauses in force. */
	void shared() {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock_shared(?)").param(KEY).query(Integer.class).single();
	}

	/** Taken by a transaction that puts a pause in force or ends it. */
	void exclusive() {
		this.jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(KEY).query(Integer.class).single();
	}

}
