package org.custodian.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.custodian.shared.InvalidInputException;

/**
 * A keyset position in a list: opaque to clients, and stable however many cases arrive,
 * unlike an offset. Lists ordered by (received_at, id) leave {@code urgency} null; the
 * queue's most-urgent-first order keys on (urgency, due_at, id).
 */
record Cursor(Instant at, UUID id, Integer urgency) {

	Cursor(Instant at, UUID id) {
		this(at, id, null);
	}

	String encode() {
		String raw = ((this.urgency != null) ? "u" + this.urgency + ":" : "")
				+ ChronoUnit.MICROS.between(Instant.EPOCH, this.at) + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor of the list's order.
	 * @param byUrgency whether the list is ordered most urgent first
	 */
	static Cursor decode(String cursor, boolean byUrgency) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			Integer urgency = null;
			if (raw.startsWith("u")) {
				int colon = raw.indexOf(':');
				urgency = Integer.parseInt(raw.substring(1, colon));
				raw = raw.substring(colon + 1);
			}
			if ((urgency != null) != byUrgency) {
				throw new IllegalArgumentException("a cursor of another order");
			}
			int colon = raw.indexOf(':');
			long micros = Long.parseLong(raw.substring(0, colon));
			return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(raw.substring(colon + 1)),
					urgency);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("after", "is not a cursor returned by this list");
		}
	}

	static Cursor decode(String cursor) {
		return decode(cursor, false);
	}

}
