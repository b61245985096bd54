package org.custodian.transparency;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.shared.InvalidInputException;

/**
 * A reporting half-year, such as {@code 2020-H2} (July to December 2020, UTC).
 */
public record Period(int year, int half) {

	private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-H([12])$");

	public static Period parse(String text) {
		Matcher matcher = FORMAT.matcher((text != null) ? text.trim() : "");
		if (!matcher.matches()) {
			throw new InvalidInputException("period", "must be a half-year such as 2020-H2");
		}
		return new Period(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	public static Period of(Instant instant) {
		ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
		return new Period(utc.getYear(), (utc.getMonthValue() <= 6) ? 1 : 2);
	}

	/** The first instant of the half-year. */
	public Instant start() {
		return ZonedDateTime.of(this.year, (this.half == 1) ? 1 : 7, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the half-year. */
	public Instant end() {
		return ZonedDateTime
			.of((this.half == 1) ? this.year : this.year + 1, (this.half == 1) ? 7 : 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
			.toInstant();
	}

	@Override
	public String toString() {
		return this.year + "-H" + this.half;
	}

}
