package org.custodian.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;

/**
 * When a request is due ({@code custodian.deadlines.*}, ADR 0015): an emergency within
 * hours, a preservation within a day, legal process by the return date its instrument
 * names or else its jurisdiction's default. Bound by {@link DeadlineJobs}, so the rule
 * itself stays plain Java.
 *
 * @param emergency how soon an emergency is due (4 hours by default)
 * @param preservation how soon a preservation is due (a day)
 * @param legalProcess how soon legal process without a return date is due (30 days)
 * @param jurisdictions that default per requesting jurisdiction (ISO code to duration)
 * @param dueSoon how far ahead the queue's "due soon" filter looks (a day)
 * @param digestTo the team lead's address for the daily digest of what is overdue; no
 * digest when empty
 * @param digestAt when the digest goes out each day (UTC; 07:00 by default)
 * @param digestLanguage the digest's language (a BCP 47 tag; English by default)
 */
public record Deadlines(Duration emergency, Duration preservation, Duration legalProcess,
		Map<String, Duration> jurisdictions, Duration dueSoon, String digestTo, LocalTime digestAt,
		String digestLanguage) {

	public Deadlines {
		emergency = (emergency != null) ? emergency : Duration.ofHours(4);
		preservation = (preservation != null) ? preservation : Duration.ofDays(1);
		legalProcess = (legalProcess != null) ? legalProcess : Duration.ofDays(30);
		jurisdictions = (jurisdictions != null) ? Map.copyOf(jurisdictions) : Map.of();
		dueSoon = (dueSoon != null) ? dueSoon : Duration.ofDays(1);
		digestTo = (digestTo != null) ? digestTo.strip() : "";
		digestAt = (digestAt != null) ? digestAt : LocalTime.of(7, 0);
		digestLanguage = (digestLanguage != null && !digestLanguage.isBlank()) ? digestLanguage : "en";
		jurisdictions.keySet().forEach((code) -> {
			if (!Jurisdiction.isValid(code.toUpperCase(Locale.ROOT))) {
				throw new IllegalArgumentException(
						"custodian.deadlines.jurisdictions: " + code + " is not an ISO 3166-1 alpha-2 code");
			}
		});
	}

	/**
	 * The request's due time.
	 * @param respondBy the instrument's return date, or null: due at the end of that day
	 * (UTC), the earliest reading of a date that carries no time zone
	 */
	public Instant dueAt(RequestType type, Jurisdiction requester, LocalDate respondBy, Instant receivedAt) {
		return switch (type) {
			case EMERGENCY -> receivedAt.plus(this.emergency);
			case PRESERVATION -> receivedAt.plus(this.preservation);
			case LEGAL_PROCESS -> (respondBy != null) ? respondBy.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
					: receivedAt.plus(legalProcessDefault(requester));
		};
	}

	private Duration legalProcessDefault(Jurisdiction requester) {
		return this.jurisdictions.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(requester.code()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(this.legalProcess);
	}

}
