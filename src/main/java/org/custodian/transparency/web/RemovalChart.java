package org.custodian.transparency.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.custodian.transparency.Period;
import org.custodian.transparency.RemovalRow;
import org.custodian.transparency.web.TransparencyPageController.Chart;
import org.custodian.transparency.web.TransparencyPageController.Point;

/**
 * A jurisdiction's removal requests over time in the style of its data chart: a bar per
 * half-year for the items named, and a dot for the share acted on (withheld there or
 * removed).
 */
final class RemovalChart {

	private RemovalChart() {
	}

	static Chart of(Map<Period, RemovalRow> history) {
		List<Point> points = new ArrayList<>();
		history.forEach((period, row) -> points.add(new Point(period, row.items(), percentActedOn(row))));
		return Chart.of(points);
	}

	/** The share of items withheld or removed, in whole percent rounded half up. */
	static int percentActedOn(RemovalRow row) {
		long acted = row.itemsRestrictedHere() + row.itemsRemovedGlobally();
		return (row.items() == 0) ? 0 : (int) ((acted * 200 + row.items()) / (2 * row.items()));
	}

}
