package org.custodian.transparency.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.custodian.transparency.Period;
import org.custodian.transparency.RemovalRow;

/**
 * A jurisdiction's removal requests over time in the style of its data chart: a bar per
 * half-year for the items named, and a dot for the share acted on (restricted there or
 * removed), as SVG coordinates drawn without script or inline style.
 */
record RemovalChart(List<Bar> bars, int width, int height) {

	static final int HEIGHT = 160;

	static final int STEP = 56;

	static RemovalChart of(Map<Period, RemovalRow> history) {
		long max = history.values().stream().mapToLong(RemovalRow::items).max().orElse(1);
		List<Bar> bars = new ArrayList<>();
		int x = 30;
		for (Map.Entry<Period, RemovalRow> entry : history.entrySet()) {
			RemovalRow row = entry.getValue();
			int percent = percentActedOn(row);
			int barHeight = (int) Math.round((HEIGHT - 20) * row.items() / (double) Math.max(max, 1));
			int dotY = HEIGHT - (int) Math.round((HEIGHT - 20) * percent / 100.0);
			bars.add(new Bar(entry.getKey().toString(), x, HEIGHT - barHeight, barHeight, dotY, row.items(), percent));
			x += STEP;
		}
		return new RemovalChart(bars, Math.max(x + 10, 200), HEIGHT + 40);
	}

	/** The share of items restricted or removed, in whole percent rounded half up. */
	static int percentActedOn(RemovalRow row) {
		long acted = row.itemsRestrictedHere() + row.itemsRemovedGlobally();
		return (row.items() == 0) ? 0 : (int) ((acted * 200 + row.items()) / (2 * row.items()));
	}

	/** The share acted on as one line through the dots. */
	public String line() {
		return this.bars.stream().map((bar) -> (bar.x() + 12) + "," + bar.dotY()).collect(Collectors.joining(" "));
	}

	/** One half-year on the chart. */
	record Bar(String label, int x, int y, int height, int dotY, long items, int percent) {
	}

}
