package org.custodian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.identity.Role;
import org.custodian.identity.CurrentUser;
import org.custodian.audit.AuditLog;
import org.custodian.audit.Verification;
import org.custodian.policy.PauseLiftings;
import org.custodian.policy.Pauses;
import org.custodian.review.PauseEnforcement;
import org.custodian.shared.StaffId;
import org.custodian.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads 100 000 open requests (half from Hong Kong) and times the what-if preview, the
 * enactment of a pause that holds half of them and its lifting, against a raw floor
 * measured in the same run. Prints figures; asserts no timings. Run with
 * {@code ./mvnw test -Dtest=PauseBenchmark -Djacoco.skip} (not part of the normal build).
 */
class PauseBenchmark extends IntegrationTest {

	private static final CurrentUser ADMIN = CurrentUser.staff(StaffId.random(), Set.of(Role.POLICY_ADMIN));

	private static final Logger log = LoggerFactory.getLogger(PauseBenchmark.class);

	private static final int REQUESTS = Integer.getInteger("bench.requests", 100_000);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PauseEnforcement enforcement;

	@Autowired
	PauseLiftings liftings;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void previewAndEnactAPauseOverHundredThousandOpenRequests() {
		long loadStart = System.nanoTime();
		load();
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		Pauses.PauseForm form = new Pauses.PauseForm("HK", "FROM_AUTHORITIES", List.of("REVIEW", "PRODUCTION"), "ALL",
				null, "Benchmark pause", null, null, false);

		List<Double> previews = new ArrayList<>();
		Map<String, Object> preview = null;
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			preview = this.enforcement.preview(form, ADMIN);
			previews.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(previews);
		// Warm-up, as a long-running server would be: enact and lift a pause on another
		// jurisdiction's 10 000 requests first, so the measured run is not the JIT's
		// first.
		CurrentUser proposer = CurrentUser.staff(StaffId.random(), Set.of(Role.POLICY_ADMIN));
		CurrentUser confirmer = CurrentUser.staff(StaffId.random(), Set.of(Role.POLICY_ADMIN));
		UUID warmUp = this.enforcement
			.propose(new Pauses.PauseForm("JP", "FROM_AUTHORITIES", List.of("REVIEW", "PRODUCTION"), "ALL", null,
					"Warm-up", null, null, false), proposer)
			.id();
		this.enforcement.confirm(warmUp, confirmer);
		this.liftings.proposeLifting(warmUp, "Warm-up over", proposer);
		this.enforcement.confirmLifting(warmUp, confirmer);
		// The floor, in the same run on the same rows: the status change as one raw
		// UPDATE
		// and one plain INSERT of a row per request into a table without indexes, in one
		// transaction (rolled back, so the measured enactment finds the same rows).
		double floorMillis = rawFloor();
		// Measured: the confirmation, which holds every matching request (the proposal
		// holds nothing).
		UUID proposed = this.enforcement.propose(form, proposer).id();
		long start = System.nanoTime();
		PauseEnforcement.Enacted enacted = this.enforcement.confirm(proposed, confirmer);
		double enactMillis = (System.nanoTime() - start) / 1e6;
		// Measured: the lifting's confirmation, which returns every held request to
		// screening and screens it again.
		this.liftings.proposeLifting(proposed, "Benchmark over", proposer);
		start = System.nanoTime();
		PauseEnforcement.Released released = this.enforcement.confirmLifting(proposed, confirmer);
		double liftMillis = (System.nanoTime() - start) / 1e6;
		start = System.nanoTime();
		Verification verification = this.audit.verify();
		double verifyMillis = (System.nanoTime() - start) / 1e6;
		// Where the enactment's time beyond the floor goes: the chained append of as many
		// events alone (rolled back, after everything else was measured).
		double chainMillis = chainAlone(enacted.held());

		String report = String.format(
				"%n=== Pause benchmark (%d open requests, %d cores, load average %s) ===%n"
						+ "load (SQL generate_series)      %8.1f s%n"
						+ "preview, median of 5            %8.1f ms   (affected %s)%n"
						+ "preview, slowest of 5           %8.1f ms%n" + "raw floor (UPDATE + plain INSERT) %6.1f ms%n"
						+ "enact (hold + 1 audit event each) %6.1f ms   (held %s)   enact / floor %.2f%n"
						+ "lift (release + re-screen)      %8.1f ms   (released %s, %s)   lift / enact %.2f%n"
						+ "audit verify (%d events)      %8.1f ms   (valid %s)%n"
						+ "chained append alone (%d events) %6.1f ms   chain / floor %.2f%n",
				REQUESTS, Runtime.getRuntime().availableProcessors(), loadAverage(), loadSeconds, previews.get(2),
				preview.get("affected"), previews.get(4), floorMillis, enactMillis, enacted.held(),
				enactMillis / floorMillis, liftMillis, released.released(), released.outcomes(),
				liftMillis / enactMillis, verification.events(), verifyMillis, verification.valid(), enacted.held(),
				chainMillis, chainMillis / floorMillis);
		log.info(report);
		System.err.println(report);
	}

	/**
	 * What holding the requests costs at least: one UPDATE of their status and one INSERT
	 * of a row each into a table without indexes, in one transaction.
	 */
	private double rawFloor() {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			status.setRollbackOnly();
			this.jdbc.sql("""
					CREATE TABLE bench_floor_event (actor_kind text, actor_id text, action text, subject_type text,
					  subject_id text, details text)""").update();
			long start = System.nanoTime();
			this.jdbc.sql("""
					WITH held AS (
					  UPDATE review_case SET held_from = status, status = 'ON_HOLD', status_changed_at = now(),
					    version = version + 1
					  WHERE jurisdiction = 'HK' AND status = ANY(?::text[])
					  RETURNING request_id, held_from)
					INSERT INTO bench_floor_event
					SELECT 'STAFF', 'floor', 'request.held', 'request', request_id::text,
					  '{"from":"' || held_from || '","to":"ON_HOLD"}' FROM held""")
				.param(new String[] { "SCREENING", "IN_REVIEW", "NEEDS_INFO", "PENDING_APPROVAL", "APPROVED",
						"PRODUCING" })
				.update();
			return (System.nanoTime() - start) / 1e6;
		});
	}

	/**
	 * The chain trigger's share: one INSERT of that many events into the audit log, as
	 * the enactment's commit appends them, rolled back.
	 */
	private double chainAlone(int events) {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			status.setRollbackOnly();
			long start = System.nanoTime();
			this.jdbc.sql("""
					INSERT INTO audit_event (actor_kind, actor_id, action, subject_type, subject_id, details)
					SELECT 'STAFF', 'chain', 'request.held', 'request', gen_random_uuid()::text,
					  '{"from":"IN_REVIEW","pauseId":"' || gen_random_uuid() || '","to":"ON_HOLD"}'
					FROM generate_series(1, ?) AS i ORDER BY i""").param(events).update();
			return (System.nanoTime() - start) / 1e6;
		});
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	/**
	 * Open requests at every stage a pause can stop, half from HK, a tenth about HK
	 * users.
	 */
	private void load() {
		this.jdbc.sql("""
				INSERT INTO review_case (request_id, case_number, agency_id, jurisdiction, type, instrument, categories,
				  status, received_at, status_changed_at, due_at)
				SELECT gen_random_uuid(), 'CR-BENCH-' || lpad(i::text, 7, '0'), gen_random_uuid(),
				  CASE WHEN i % 2 = 0 THEN 'HK' ELSE (ARRAY['US','GB','DE','FR','JP'])[1 + i % 5] END,
				  CASE WHEN i % 10 = 3 THEN 'EMERGENCY' ELSE 'LEGAL_PROCESS' END, 'COURT_ORDER',
				  ARRAY['BASIC_SUBSCRIBER','NON_CONTENT'],
				  (ARRAY['IN_REVIEW','NEEDS_INFO','PENDING_APPROVAL','APPROVED','IN_REVIEW'])[1 + i % 5],
				  now() - (i || ' seconds')::interval, now(), now() + interval '30 days' - (i || ' seconds')::interval
				FROM generate_series(1, ?) AS i""").param(REQUESTS).update();
		this.jdbc.sql("""
				INSERT INTO case_target_jurisdiction (jurisdiction, request_id)
				SELECT CASE WHEN right(case_number, 1) = '1' THEN 'HK' ELSE 'US' END, request_id FROM review_case""")
			.update();
		this.jdbc.sql("ANALYZE").update();
	}

}
