package org.custodian.agency;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.OfficerId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening of requesters against sanctions lists: an import replaces the list in force;
 * an officer or agency whose normalised name equals an entry's is a match.
 */
@Service
public class Sanctions {

	private static final Pattern CSV_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)");

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Sanctions(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Imports a list in the SDN layout (ent_num, SDN_Name, SDN_Type, Program, …, Remarks,
	 * no header) or a simple one with a header {@code name,program,remarks}; replaces the
	 * entries in force.
	 * @return the number of entries imported
	 */
	@Transactional
	public int importList(Reader csv, String source, CurrentUser caller) {
		Actor actor = caller.require(Action.IMPORT_SANCTIONS_LIST).actor();
		List<String[]> entries;
		try {
			entries = CSVFormat.DEFAULT.builder()
				.setIgnoreSurroundingSpaces(true)
				.get()
				.parse(csv)
				.stream()
				.map(Sanctions::entry)
				.filter((entry) -> entry != null)
				.toList();
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new InvalidInputException("body", "is not valid CSV" + line(ex));
		}
		if (entries.isEmpty()) {
			throw new InvalidInputException("body", "has no entries (expected the SDN layout or name,program,remarks)");
		}
		FieldProblems problems = new FieldProblems();
		for (int i = 0; i < entries.size(); i++) {
			for (String value : entries.get(i)) {
				problems.clean(value, "entries[" + i + "]");
			}
		}
		problems.throwIfAny();
		UUID importId = UUID.randomUUID();
		this.jdbc.sql("DELETE FROM sanctions_entry").update();
		this.jdbc
			.sql("INSERT INTO sanctions_import (id, source, entries, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)")
			.params(importId, source, entries.size(), actor.kind() + ":" + actor.id(),
					OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		this.jdbc.sql("""
				INSERT INTO sanctions_entry (import_id, name, normalised, program, remarks)
				SELECT ?, n, z, p, r FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS e(n, z, p, r)""")
			.params(importId, column(entries, 0), entries.stream().map((e) -> normalise(e[0])).toArray(String[]::new),
					column(entries, 1), column(entries, 2))
			.update();
		this.events
			.publishEvent(new AgencyEvents.SanctionsListImported(actor, importId.toString(), source, entries.size()));
		return entries.size();
	}

	/** The first entry the officer or the officer's agency matches. */
	@Transactional(readOnly = true)
	public Optional<SanctionsMatch> screen(OfficerId officerId) {
		Agencies.OfficerView officer = this.agencies.findOfficer(officerId).orElseThrow();
		Agencies.AgencyView agency = this.agencies.find(officer.agencyId()).orElseThrow();
		return match("OFFICER", officer.name()).or(() -> match("AGENCY", agency.name()));
	}

	private Optional<SanctionsMatch> match(String who, String name) {
		return this.jdbc.sql("SELECT name, program, remarks FROM sanctions_entry WHERE normalised = ? LIMIT 1")
			.param(normalise(name))
			.query((rs, row) -> new SanctionsMatch(who, name, rs.getString("name"), rs.getString("program"),
					rs.getString("remarks")))
			.optional();
	}

	/** Upper case, accents and punctuation removed, name parts sorted. */
	static String normalise(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return Arrays.stream(plain.toUpperCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((part) -> !part.isEmpty())
			.sorted()
			.collect(Collectors.joining(" "));
	}

	private static String[] entry(CSVRecord record) {
		if (record.size() >= 12) {
			return new String[] { record.get(1), nullable(record.get(3)), nullable(record.get(11)) };
		}
		if (record.size() >= 1 && !record.get(0).isBlank() && !"name".equalsIgnoreCase(record.get(0))) {
			return new String[] { record.get(0), (record.size() > 1) ? nullable(record.get(1)) : null,
					(record.size() > 2) ? nullable(record.get(2)) : null };
		}
		return null;
	}

	/** Where commons-csv stopped, as " (line 3)", when it says. */
	private static String line(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			Matcher line = CSV_LINE.matcher(String.valueOf(cause.getMessage()));
			if (line.find()) {
				return " (line " + line.group(1) + ")";
			}
		}
		return "";
	}

	private static String nullable(String value) {
		return (value == null || value.isBlank() || "-0-".equals(value.trim())) ? null : value.trim();
	}

	private static String[] column(List<String[]> entries, int index) {
		return entries.stream().map((entry) -> entry[index]).toArray(String[]::new);
	}

	/** For reading the list in force. */
	@Transactional(readOnly = true)
	public Map<String, Object> summary() {
		return this.jdbc
			.sql("SELECT source, entries, imported_at FROM sanctions_import ORDER BY imported_at DESC LIMIT 1")
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of("entries", 0));
	}

}
