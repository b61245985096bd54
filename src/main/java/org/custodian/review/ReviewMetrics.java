package org.custodian.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue as an operator watches it: {@code custodian.queue.depth} (open requests by
 * status) and {@code custodian.requests.overdue} (what the queue's overdue filter finds).
 * Counted in the database, so every node reports the same figures; read at most once a
 * second however often they are scraped.
 */
@Component
class ReviewMetrics implements MeterBinder {

	static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.SCREENING, CaseStatus.ON_HOLD,
			CaseStatus.IN_REVIEW, CaseStatus.NEEDS_INFO, CaseStatus.PENDING_APPROVAL, CaseStatus.APPROVED,
			CaseStatus.PRODUCING);

	private static final Duration FRESH = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final CaseQueries queries;

	private final Clock clock;

	private Instant readAt = Instant.EPOCH;

	private Map<CaseStatus, Long> depth = new EnumMap<>(CaseStatus.class);

	ReviewMetrics(JdbcClient jdbc, CaseQueries queries, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (CaseStatus status : OPEN) {
			Gauge.builder("custodian.queue.depth", this, (metrics) -> metrics.depth(status))
				.description("Open requests in this status")
				.tag("status", status.name())
				.register(registry);
		}
		Gauge.builder("custodian.requests.overdue", this.queries, CaseQueries::countOverdue)
			.description("Requests past a deadline (the queue's overdue filter)")
			.register(registry);
	}

	private synchronized double depth(CaseStatus status) {
		Instant now = Instant.now(this.clock);
		if (this.readAt.plus(FRESH).isBefore(now)) {
			Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
			this.jdbc
				.sql("SELECT status, count(*) AS n FROM review_case WHERE open AND status = ANY(?) GROUP BY status")
				.param(OPEN.stream().map(Enum::name).toArray(String[]::new))
				.query((rs) -> {
					counts.put(CaseStatus.valueOf(rs.getString("status")), rs.getLong("n"));
				});
			this.depth = counts;
			this.readAt = now;
		}
		return this.depth.getOrDefault(status, 0L);
	}

}
