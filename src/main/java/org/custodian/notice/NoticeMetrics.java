package org.custodian.notice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code custodian.notices.waiting}: user notices not sent yet, due now or delayed (a
 * non-disclosure order, an emergency); counted in the database, the same on every node.
 */
@Component
class NoticeMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	NoticeMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String status : new String[] { "DUE", "DELAYED" }) {
			Gauge.builder("custodian.notices.waiting", this.jdbc, (jdbc) -> waiting(jdbc, status))
				.description("User notices not sent yet")
				.tag("status", status)
				.register(registry);
		}
	}

	private static double waiting(JdbcClient jdbc, String status) {
		return jdbc.sql("SELECT count(*) FROM user_notice WHERE status = ?").param(status).query(Long.class).single();
	}

}
