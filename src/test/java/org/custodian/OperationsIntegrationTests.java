package org.custodian;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator's probes and monitoring see: the readiness, liveness and dependencies
 * health groups, and the queue, overdue and notice figures in the Prometheus format.
 */
class OperationsIntegrationTests extends IntegrationTest {

	@Autowired
	MeterRegistry meters;

	@Autowired
	PrometheusMeterRegistry prometheus;

	@Autowired
	JdbcClient jdbc;

	@Test
	void healthGroupsReportTheDatabaseTheSchedulerAndSmtp() {
		JsonNode readiness = health("readiness");
		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").propertyNames()).contains("db", "dbScheduler", "readinessState")
			.doesNotContain("mail");
		assertThat(health("liveness").path("status").asString()).isEqualTo("UP");
		JsonNode dependencies = health("dependencies");
		assertThat(dependencies.path("components").propertyNames()).containsExactlyInAnyOrder("db", "dbScheduler",
				"mail");
		assertThat(dependencies.path("components").path("mail").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void theQueueDepthCountsASubmittedRequest() {
		double before = depth("IN_REVIEW");
		Person officer = this.world.officer(this.world.agency("US"));
		this.world.submit(officer, World.legalProcess("COURT_ORDER", "BASIC_SUBSCRIBER"));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> assertThat(depth("IN_REVIEW")).isGreaterThanOrEqualTo(before + 1));
	}

	@Test
	void overdueRequestsAndWaitingNoticesAreTheDatabasesFigures() {
		String reviewer = this.world.staff("REVIEWER").token();
		// Other contexts' jobs send notices meanwhile: compare readings taken together.
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			Api.Response queue = this.api.as(reviewer).get("/api/v1/cases?overdue=true&limit=200");
			assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
			assertThat(queue.json().path("next").isNull() || queue.json().path("next").isMissingNode())
				.as("one page holds every overdue case")
				.isTrue();
			long overdueInQueue = queue.json().path("items").size();
			assertThat(this.meters.get("custodian.requests.overdue").gauge().value()).isEqualTo(overdueInQueue);
		});
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			long due = this.jdbc.sql("SELECT count(*) FROM user_notice WHERE status = 'DUE'")
				.query(Long.class)
				.single();
			assertThat(this.meters.get("custodian.notices.waiting").tag("status", "DUE").gauge().value())
				.isEqualTo((double) due);
		});
	}

	@Test
	void prometheusShowsEveryOperationsFigure() {
		String scrape = this.prometheus.scrape();
		assertThat(scrape).contains("custodian_queue_depth{", "custodian_requests_overdue ",
				"custodian_notices_waiting{", "custodian_productions_duration_seconds_count",
				"custodian_productions_bytes_sum", "custodian_productions_failures_total{");
	}

	private double depth(String status) {
		return this.meters.get("custodian.queue.depth").tag("status", status).gauge().value();
	}

	private JsonNode health(String group) {
		Api.Response response = this.api.anonymous().get("/actuator/health/" + group);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

}
