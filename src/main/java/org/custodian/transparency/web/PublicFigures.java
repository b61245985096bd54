package org.custodian.transparency.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.custodian.transparency.Period;
import org.custodian.transparency.RemovalRow;
import org.custodian.transparency.ReportRow;
import org.custodian.transparency.TransparencyReports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every half-year's figures for the public pages, computed at most once per
 * {@code custodian.transparency.page-max-age} (a minute by default): the all-periods
 * aggregate takes seconds at ten million requests, and a public page must not run it per
 * visitor. The API and the CLI stay exact. Ages are measured on the machine's clock, not
 * the business clock (which the demo moves through history).
 */
@Component
class PublicFigures {

	private final Cached<Figures> cached;

	PublicFigures(TransparencyReports reports, @Value("${custodian.transparency.page-max-age:60s}") Duration maxAge) {
		this.cached = new Cached<>(() -> {
			List<Period> periods = reports.periods();
			return new Figures(periods, reports.reports(periods), reports.removals(periods));
		}, maxAge, Clock.systemUTC());
	}

	Figures get() {
		return this.cached.get();
	}

	/**
	 * The half-years that have requests, oldest first, and each one's rows of data
	 * requests and of removal requests.
	 */
	record Figures(List<Period> periods, Map<Period, List<ReportRow>> reports, Map<Period, List<RemovalRow>> removals) {

	}

	/**
	 * A value recomputed when older than its maximum age; one caller recomputes while the
	 * others wait for it, so a burst of visitors costs one computation.
	 */
	static final class Cached<T> {

		private final Supplier<T> compute;

		private final Duration maxAge;

		private final Clock clock;

		private T value;

		private Instant computedAt;

		Cached(Supplier<T> compute, Duration maxAge, Clock clock) {
			this.compute = compute;
			this.maxAge = maxAge;
			this.clock = clock;
		}

		synchronized T get() {
			Instant now = this.clock.instant();
			if (this.value == null || !now.isBefore(this.computedAt.plus(this.maxAge))) {
				this.value = this.compute.get();
				this.computedAt = now;
			}
			return this.value;
		}

	}

}
