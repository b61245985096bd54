package org.custodian.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.custodian.support.IntegrationTest;
import org.custodian.transparency.Period;
import org.custodian.transparency.TransparencyReports;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates requests over ten years and 200 jurisdictions into the transparency ledger
 * and times the report for one half-year and for all twenty, next to the same aggregate
 * written as one SQL query (the floor). Prints figures; asserts no timings. Run with
 * {@code ./mvnw test -Dtest=TransparencyBenchmark -Djacoco.skip -Dbench.rows=10000000}.
 */
class TransparencyBenchmark extends IntegrationTest {

	private static final int ROWS = Integer.getInteger("bench.rows", 2_000_000);

	/**
	 * The same figures as the report, written by hand as one query: what the database
	 * alone costs.
	 */
	private static final String FLOOR = """
			SELECT period, jurisdiction,
			  count(*) FILTER (WHERE type <> 'PRESERVATION'), sum(accounts) FILTER (WHERE type <> 'PRESERVATION'),
			  count(*) FILTER (WHERE type <> 'PRESERVATION' AND produced),
			  count(*) FILTER (WHERE type = 'LEGAL_PROCESS'), sum(accounts) FILTER (WHERE type = 'LEGAL_PROCESS'),
			  count(*) FILTER (WHERE type = 'LEGAL_PROCESS' AND produced),
			  count(*) FILTER (WHERE type = 'EMERGENCY'), sum(accounts) FILTER (WHERE type = 'EMERGENCY'),
			  count(*) FILTER (WHERE type = 'EMERGENCY' AND produced),
			  count(*) FILTER (WHERE type = 'PRESERVATION'), sum(accounts) FILTER (WHERE type = 'PRESERVATION' AND preserved),
			  count(*) FILTER (WHERE held), count(*) FILTER (WHERE outcome = 'REQUIRE_MLAT'), sum(users_notified),
			  count(*) FILTER (WHERE non_disclosure AND type <> 'PRESERVATION'), count(*) FILTER (WHERE emergency_unverified),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'INSUFFICIENT_LEGAL_PROCESS'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'OVERBROAD'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'UNVERIFIABLE_REQUESTER'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'HUMAN_RIGHTS_RISK'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'NOT_COMPETENT_AUTHORITY'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'DEFECTIVE_PROCESS'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'SANCTIONED_REQUESTER'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'REQUIRES_MLAT'),
			  count(*) FILTER (WHERE outcome = 'REJECT' AND rejection_reason = 'OTHER'),
			  count(*) FILTER (WHERE outcome = 'REQUIRE_MLAT' AND rejection_reason IS NULL)
			FROM transparency_request WHERE period = ANY(?::text[]) GROUP BY period, jurisdiction""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransparencyReports reports;

	@Test
	void reportsOverTenYearsOfRequests() {
		long start = System.nanoTime();
		String[] jurisdictions = Arrays.copyOf(Locale.getISOCountries(), 200);
		this.jdbc
			.sql("""
					INSERT INTO transparency_request (request_id, period, jurisdiction, type, accounts, non_disclosure, held,
					  preserved, produced, outcome, rejection_reason)
					SELECT gen_random_uuid(), (2016 + (i / 2) % 10) || '-H' || (1 + i % 2), (?::text[])[1 + (i / 7) % 200],
					  CASE WHEN i % 10 = 0 THEN 'EMERGENCY' WHEN i % 10 = 1 THEN 'PRESERVATION' ELSE 'LEGAL_PROCESS' END,
					  1 + i % 3, i % 4 = 0, i % 13 = 0, i % 10 = 1, i % 3 = 0,
					  CASE WHEN i % 5 = 0 THEN 'REJECT' WHEN i % 17 = 0 THEN 'REQUIRE_MLAT' END,
					  CASE WHEN i % 5 = 0 THEN 'OVERBROAD' END
					FROM generate_series(1, ?) AS i""")
			.params(jurisdictions, ROWS)
			.update();
		this.jdbc.sql("ANALYZE transparency_request").update();
		double loadSeconds = (System.nanoTime() - start) / 1e9;

		List<String> periods = new ArrayList<>();
		for (int year = 2016; year < 2026; year++) {
			periods.add(year + "-H1");
			periods.add(year + "-H2");
		}
		double onePeriod = median(() -> this.reports.report(Period.parse("2020-H2")).size());
		double onePeriodFloor = median(() -> floor(List.of("2020-H2")));
		double allPeriods = median(() -> this.reports.reports(periods.stream().map(Period::parse).toList())
			.values()
			.stream()
			.mapToInt(List::size)
			.sum());
		double allPeriodsFloor = median(() -> floor(periods));
		String report = String.format(
				"%n=== Transparency benchmark (%,d requests, 20 half-years, 200 jurisdictions) ===%n"
						+ "load                                  %8.1f s%n"
						+ "one half-year: report %8.1f ms, floor %8.1f ms, ratio %.2f%n"
						+ "all 20:        report %8.1f ms, floor %8.1f ms, ratio %.2f%n",
				ROWS, loadSeconds, onePeriod, onePeriodFloor, onePeriod / onePeriodFloor, allPeriods, allPeriodsFloor,
				allPeriods / allPeriodsFloor);
		System.err.println(report);
	}

	private int floor(List<String> periods) {
		return this.jdbc.sql(FLOOR).param(periods.toArray(String[]::new)).query().listOfRows().size();
	}

	private static double median(Supplier<Integer> run) {
		run.get();
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			run.get();
			times.add((System.nanoTime() - start) / 1e6);
		}
		Collections.sort(times);
		return times.get(2);
	}

}
