package org.custodian.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.custodian.audit.AuditIntegrationTests.Batch;
import org.custodian.audit.AuditIntegrationTests.Single;
import org.custodian.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transactions commit their events as pending and have them chained, in groups, before
 * their commit returns (docs/adr/0023).
 */
class AuditGroupChainingIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void concurrentTransactionsFindTheirEventsChainedInOrderWhenTheirCommitReturns() throws Exception {
		String run = UUID.randomUUID().toString();
		int threads = 8;
		int each = 5;
		CyclicBarrier together = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<List<String>>> results = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				String writer = run + "-" + t;
				results.add(pool.submit(() -> {
					together.await();
					List<String> notChained = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						String prefix = writer + "-" + i;
						new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
							this.log.append(new Single(prefix + "-a"));
							this.log.appendAll(new Batch(List.of(prefix + "-b", prefix + "-c")));
						});
						if (!subjects(prefix).equals(List.of(prefix + "-a", prefix + "-b", prefix + "-c"))) {
							notChained.add(prefix);
						}
					}
					return notChained;
				}));
			}
			for (Future<List<String>> result : results) {
				assertThat(result.get()).as("transactions whose events were not in the chain, in order, at return")
					.isEmpty();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(subjects(run)).hasSize(threads * each * 3).doesNotHaveDuplicates();
		assertThat(pending(run)).isZero();
		assertThat(this.log.verify().valid()).isTrue();
	}

	@Test
	void eventsLeftPendingByAFailedChainingJoinTheChainAtTheNextRun() {
		String run = UUID.randomUUID().toString();
		// As a chaining that failed after the commit leaves them: committed, pending.
		leavePending(run + "-left");

		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> this.log.append(new Single(run + "-next")));

		assertThat(subjects(run)).containsExactly(run + "-left", run + "-next");
		assertThat(pending(run)).isZero();

		leavePending(run + "-again");
		this.checkpoints.take();

		assertThat(subjects(run)).containsExactly(run + "-left", run + "-next", run + "-again");
		assertThat(this.log.verify().valid()).isTrue();
		assertThat(this.log.head().events()).as("the checkpoint vouches for it")
			.isEqualTo(this.jdbc.sql("SELECT max(events) FROM audit_checkpoint").query(Long.class).single());
	}

	private void leavePending(String subjectId) {
		this.jdbc
			.sql("INSERT INTO audit_pending (actor_kind, actor_id, action, subject_type, subject_id, details) "
					+ "VALUES ('SYSTEM', 'custodian', 'test.single', 'test', ?, '{}')")
			.param(subjectId)
			.update();
	}

	private List<String> subjects(String prefix) {
		return this.jdbc.sql("SELECT subject_id FROM audit_event WHERE subject_id LIKE ? ORDER BY seq")
			.param(prefix + "-%")
			.query(String.class)
			.list();
	}

	private long pending(String prefix) {
		return this.jdbc.sql("SELECT count(*) FROM audit_pending WHERE subject_id LIKE ?")
			.param(prefix + "-%")
			.query(Long.class)
			.single();
	}

}
