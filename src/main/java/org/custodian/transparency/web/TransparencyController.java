package org.custodian.transparency.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.transparency.Period;
import org.custodian.transparency.RemovalRow;
import org.custodian.transparency.ReportRow;
import org.custodian.transparency.TransparencyReports;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public report: JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@RestController
@RequestMapping("/api/v1/transparency/reports")
class TransparencyController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private final TransparencyReports reports;

	TransparencyController(TransparencyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/{period}")
	ResponseEntity<?> report(@PathVariable String period, @RequestParam(required = false) String format,
			@RequestHeader(name = "Accept", required = false) String accept) {
		Period parsed = Period.parse(period);
		List<ReportRow> rows = this.reports.report(parsed);
		List<RemovalRow> removals = this.reports.removals(parsed);
		boolean csv = "csv".equalsIgnoreCase(format)
				|| (format == null && accept != null && accept.contains("text/csv"));
		if (csv) {
			return ResponseEntity.ok()
				.contentType(new MediaType(CSV, java.nio.charset.StandardCharsets.UTF_8))
				.header("Content-Disposition", "inline; filename=\"transparency-" + parsed + ".csv\"")
				.body(this.reports.csv(parsed, rows, removals));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("period", parsed.toString());
		body.put("jurisdictions", rows);
		body.put("removals", removals);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
