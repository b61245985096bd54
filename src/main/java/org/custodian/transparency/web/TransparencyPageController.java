package org.custodian.transparency.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.custodian.policy.Pauses;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.web.BrowserPage;
import org.custodian.transparency.Period;
import org.custodian.transparency.PublishedReport;
import org.custodian.transparency.ReportPublications;
import org.custodian.transparency.RemovalRow;
import org.custodian.transparency.ReportRow;
import org.custodian.transparency.TransparencyReports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public transparency pages: a world table per half-year, and per jurisdiction its
 * figures over time, its pauses and a plain statement of when data was last disclosed.
 */
@Controller
@BrowserPage
class TransparencyPageController {

	private final TransparencyReports reports;

	private final Pauses pauses;

	private final ReportPublications publications;

	private final PublicFigures figures;

	private final int threshold;

	TransparencyPageController(TransparencyReports reports, Pauses pauses, ReportPublications publications,
			PublicFigures figures, @Value("${custodian.transparency.small-number-threshold:0}") int threshold) {
		this.reports = reports;
		this.figures = figures;
		this.pauses = pauses;
		this.publications = publications;
		this.threshold = threshold;
	}

	@GetMapping("/transparency")
	String world(@RequestParam(required = false) String period, Model model, Locale locale) {
		PublicFigures.Figures figures = this.figures.get();
		List<Period> periods = figures.periods();
		Period shown = (period != null) ? Period.parse(period) : latestComplete(periods, Instant.now());
		model.addAttribute("periods", periods);
		model.addAttribute("period", shown);
		List<ReportRow> rows = figures.reports().getOrDefault(shown, List.of());
		Map<String, String> names = new LinkedHashMap<>();
		rows.forEach((row) -> names.put(row.jurisdiction(), name(row.jurisdiction(), locale)));
		List<RemovalRow> removals = figures.removals().getOrDefault(shown, List.of());
		removals.forEach((row) -> names.putIfAbsent(row.jurisdiction(), name(row.jurisdiction(), locale)));
		model.addAttribute("rows", rows);
		model.addAttribute("removals", removals);
		model.addAttribute("names", names);
		model.addAttribute("sparks", Spark.byJurisdiction(periods, figures.reports()));
		model.addAttribute("publications", this.publications.of(shown).stream().map(Publication::of).toList());
		model.addAttribute("band", new Band(this.threshold));
		return "transparency/index";
	}

	/** The jurisdiction's name in the viewer's language, e.g. "Hong Kong SAR China". */
	private static String name(String code, Locale locale) {
		return new Locale("", code).getDisplayCountry(locale);
	}

	/**
	 * The newest half-year that has ended, as the platforms publish; the current one only
	 * if no other has requests yet.
	 */
	static Period latestComplete(List<Period> periods, Instant now) {
		for (int i = periods.size() - 1; i >= 0; i--) {
			if (!periods.get(i).end().isAfter(now)) {
				return periods.get(i);
			}
		}
		return periods.isEmpty() ? Period.of(now) : periods.get(periods.size() - 1);
	}

	@GetMapping("/transparency/{code}")
	String jurisdiction(@PathVariable String code, Model model, Locale locale) {
		if (!Jurisdiction.isValid(code)) {
			throw new InvalidInputException("code", "must be an ISO 3166-1 alpha-2 code such as HK");
		}
		Jurisdiction jurisdiction = Jurisdiction.of(code);
		Map<Period, ReportRow> history = new LinkedHashMap<>();
		this.figures.get()
			.reports()
			.forEach((period, rows) -> rows.stream()
				.filter((row) -> row.jurisdiction().equals(jurisdiction.code()))
				.findFirst()
				.ifPresent((row) -> history.put(period, row)));
		Map<Period, RemovalRow> removals = new LinkedHashMap<>();
		this.figures.get()
			.removals()
			.forEach((period, rows) -> rows.stream()
				.filter((row) -> row.jurisdiction().equals(jurisdiction.code()))
				.findFirst()
				.ifPresent((row) -> removals.put(period, row)));
		model.addAttribute("removals", removals);
		model.addAttribute("removalChart", RemovalChart.of(removals));
		List<Map<String, Object>> pauses = this.pauses.history(jurisdiction);
		List<Map<String, Object>> inForce = pauses.stream().filter((p) -> p.get("liftedAt") == null).toList();
		model.addAttribute("jurisdiction", jurisdiction.code());
		model.addAttribute("name", name(jurisdiction.code(), locale));
		model.addAttribute("history", history);
		model.addAttribute("chart", Chart.of(history));
		model.addAttribute("pausesInForce", inForce);
		model.addAttribute("pastPauses", pauses.stream().filter((p) -> p.get("liftedAt") != null).toList());
		model.addAttribute("lastDisclosure",
				this.reports.lastDisclosure(jurisdiction.code())
					.map((instant) -> instant.atZone(ZoneOffset.UTC).toLocalDate().toString())
					.orElse(null));
		model.addAttribute("paused", !inForce.isEmpty());
		model.addAttribute("band", new Band(this.threshold));
		return "transparency/jurisdiction";
	}

	/**
	 * A signed report as listed on the page.
	 */
	record Publication(String id, String publishedAt, long auditEventCount, String head) {

		static Publication of(PublishedReport published) {
			return new Publication(published.id().toString(),
					DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
						.format(published.publishedAt().atZone(ZoneOffset.UTC)),
					published.auditEventCount(), published.auditHeadHash().substring(0, 16));
		}

	}

	/**
	 * Counts under the threshold shown as a band ("0–9"), so small numbers cannot single
	 * out a case.
	 */
	record Band(int threshold) {

		public String of(long count) {
			return (this.threshold > 0 && count < this.threshold) ? "0–" + (this.threshold - 1) : Long.toString(count);
		}

	}

	/**
	 * A bar per half-year for a count and a dot for a share, as SVG coordinates (drawn
	 * without script or inline style): requests and the share produced, or removal items
	 * and the share acted on ({@link RemovalChart}).
	 */
	record Chart(List<Bar> bars, int width, int height) {

		static final int HEIGHT = 160;

		static final int STEP = 56;

		static Chart of(Map<Period, ReportRow> history) {
			List<Point> points = new ArrayList<>();
			history.forEach((period, row) -> points.add(new Point(period, row.requests(), row.percentProduced())));
			return of(points);
		}

		static Chart of(List<Point> points) {
			long max = points.stream().mapToLong(Point::count).max().orElse(1);
			List<Bar> bars = new ArrayList<>();
			int x = 30;
			for (Point point : points) {
				int barHeight = (int) Math.round((HEIGHT - 20) * point.count() / (double) Math.max(max, 1));
				int dotY = HEIGHT - (int) Math.round((HEIGHT - 20) * point.percent() / 100.0);
				bars.add(new Bar(point.period().toString(), x, HEIGHT - barHeight, barHeight, dotY, point.count(),
						point.percent()));
				x += STEP;
			}
			return new Chart(bars, Math.max(x + 10, 200), HEIGHT + 40);
		}

		/** The share as one line through the dots. */
		public String line() {
			return this.bars.stream()
				.map((bar) -> (bar.x() + 12) + "," + bar.dotY())
				.collect(java.util.stream.Collectors.joining(" "));
		}

	}

	/** One half-year's count and share. */
	record Point(Period period, long count, int percent) {
	}

	/**
	 * One half-year on the chart.
	 */
	record Bar(String label, int x, int y, int height, int dotY, long count, int percent) {
	}

	/**
	 * A jurisdiction's share of requests with data produced, one small bar per half-year
	 * (every half-year on the page, so the columns line up): the world table's "over
	 * time" column.
	 */
	record Spark(List<SparkBar> bars, int width) {

		static final int HEIGHT = 24;

		static final int STEP = 7;

		static Map<String, Spark> byJurisdiction(List<Period> periods, Map<Period, List<ReportRow>> reports) {
			Map<String, List<SparkBar>> bars = new LinkedHashMap<>();
			for (int i = 0; i < periods.size(); i++) {
				Period period = periods.get(i);
				for (ReportRow row : reports.getOrDefault(period, List.of())) {
					int height = (row.requests() == 0) ? 0
							: Math.max(1, Math.round((HEIGHT - 2) * row.percentProduced() / 100f));
					bars.computeIfAbsent(row.jurisdiction(), (key) -> new ArrayList<>())
						.add(new SparkBar(period + ": " + row.percentProduced() + " %", i * STEP, HEIGHT - height,
								height));
				}
			}
			Map<String, Spark> sparks = new LinkedHashMap<>();
			bars.forEach((jurisdiction, list) -> sparks.put(jurisdiction,
					new Spark(list, Math.max(periods.size() * STEP, STEP))));
			return sparks;
		}

	}

	/**
	 * One half-year in a jurisdiction's small chart.
	 */
	record SparkBar(String label, int x, int y, int height) {
	}

}
