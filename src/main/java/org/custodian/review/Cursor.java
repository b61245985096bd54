package org.custodian.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.custodian.shared.InvalidInputException;

/**
 * A keyset position in a list ordered by (received_at, id): opaque to clients, and stable
 * however many cases arrive, unlike an offset.
 */
record Cursor(Instant receivedAt, UUID id) {

	String encode() {
		String raw = ChronoUnit.MICROS.between(Instant.EPOCH, this.receivedAt) + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String cursor) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int colon = raw.indexOf(':');
			long micros = Long.parseLong(raw.substring(0, colon));
			return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(raw.substring(colon + 1)));
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("after", "is not a cursor returned by this list");
		}
	}

}
