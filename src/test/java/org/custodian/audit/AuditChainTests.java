package org.custodian.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's arithmetic, which must agree with the database trigger
 * ({@code V1__audit_log.sql}) byte for byte.
 */
class AuditChainTests {

	private static final Instant AT = Instant.parse("2025-06-01T10:15:30.123456Z");

	private static final String DETAILS = "{\"to\": \"APPROVED\", \"from\": \"PENDING_APPROVAL\"}";

	@Test
	void startsTheChainFromSixtyFourZeros() {
		assertThat(AuditChain.GENESIS).hasSize(64).matches("0+");
	}

	@Test
	void joinsTheFieldsWithNewlinesAndTheTimeInMicroseconds() {
		String canonical = AuditChain.canonical(42, AT, "STAFF", "u-1", "request.approved", "request", "r-1", DETAILS);

		assertThat(canonical).isEqualTo("42\n1748772930123456\nSTAFF\nu-1\nrequest.approved\nrequest\nr-1\n" + DETAILS);
	}

	@Test
	void truncatesTheTimeToMicrosecondsAsTheDatabaseStoresIt() {
		Instant withNanos = Instant.parse("2025-06-01T10:15:30.123456789Z");

		assertThat(AuditChain.canonical(1, withNanos, "SYSTEM", "custodian", "a", "s", "i", "{}"))
			.isEqualTo(AuditChain.canonical(1, AT, "SYSTEM", "custodian", "a", "s", "i", "{}"));
	}

	@Test
	void hashesTheSameEventTheSameWay() {
		String first = AuditChain.hash(AuditChain.GENESIS, canonical(Event.BASE));
		String second = AuditChain.hash(AuditChain.GENESIS, canonical(Event.BASE));

		assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void hashesThePreviousHashANewlineAndTheCanonicalTextWithSha256() throws NoSuchAlgorithmException {
		String canonical = canonical(Event.BASE);
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest((AuditChain.GENESIS + "\n" + canonical).getBytes(StandardCharsets.UTF_8));

		assertThat(AuditChain.hash(AuditChain.GENESIS, canonical)).isEqualTo(HexFormat.of().formatHex(digest));
	}

	@Test
	void matchesAHashComputedOutsideJava() {
		// printf '%s\n%s' "$(printf '0%.0s' {1..64})" 'x' | sha256sum
		assertThat(AuditChain.hash(AuditChain.GENESIS, "x"))
			.isEqualTo("0152f4f98e11e409b35bfa9b5e18c329427b7f29deedbc071733db222ce38158");
	}

	@Test
	void hashesNonAsciiTextAsUtf8() throws NoSuchAlgorithmException {
		String canonical = AuditChain.canonical(7, AT, "OFFICER", "o-1", "request.withdrawn", "request", "r-1",
				"{\"reason\": \"Täter gefasst – 嫌疑人已被捕\"}");
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest(("f".repeat(64) + "\n" + canonical).getBytes(StandardCharsets.UTF_8));

		assertThat(AuditChain.hash("f".repeat(64), canonical)).isEqualTo(HexFormat.of().formatHex(digest));
	}

	@ParameterizedTest
	@MethodSource("alterations")
	void changesTheHashWhenAnyFieldChanges(Event altered) {
		String original = AuditChain.hash(AuditChain.GENESIS, canonical(Event.BASE));

		assertThat(AuditChain.hash(AuditChain.GENESIS, canonical(altered))).isNotEqualTo(original);
	}

	@Test
	void changesTheHashWhenThePreviousHashChanges() {
		String canonical = canonical(Event.BASE);
		String tampered = "1" + AuditChain.GENESIS.substring(1);

		assertThat(AuditChain.hash(tampered, canonical)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, canonical));
	}

	static List<Event> alterations() {
		Event base = Event.BASE;
		return List.of(
				new Event(base.seq() + 1, base.occurredAt(), base.actorKind(), base.actorId(), base.action(),
						base.subjectType(), base.subjectId(), base.details()),
				new Event(base.seq(), base.occurredAt().plusNanos(1000), base.actorKind(), base.actorId(),
						base.action(), base.subjectType(), base.subjectId(), base.details()),
				new Event(base.seq(), base.occurredAt(), "OFFICER", base.actorId(), base.action(), base.subjectType(),
						base.subjectId(), base.details()),
				new Event(base.seq(), base.occurredAt(), base.actorKind(), "u-2", base.action(), base.subjectType(),
						base.subjectId(), base.details()),
				new Event(base.seq(), base.occurredAt(), base.actorKind(), base.actorId(), "request.rejected",
						base.subjectType(), base.subjectId(), base.details()),
				new Event(base.seq(), base.occurredAt(), base.actorKind(), base.actorId(), base.action(), "agency",
						base.subjectId(), base.details()),
				new Event(base.seq(), base.occurredAt(), base.actorKind(), base.actorId(), base.action(),
						base.subjectType(), "r-2", base.details()),
				new Event(base.seq(), base.occurredAt(), base.actorKind(), base.actorId(), base.action(),
						base.subjectType(), base.subjectId(), "{\"to\": \"REJECTED\"}"));
	}

	private static String canonical(Event event) {
		return AuditChain.canonical(event.seq(), event.occurredAt(), event.actorKind(), event.actorId(), event.action(),
				event.subjectType(), event.subjectId(), event.details());
	}

	/** The fields of one audit event. */
	record Event(long seq, Instant occurredAt, String actorKind, String actorId, String action, String subjectType,
			String subjectId, String details) {

		static final Event BASE = new Event(42, AT, "STAFF", "u-1", "request.approved", "request", "r-1", DETAILS);

	}

}
