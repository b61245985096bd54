package org.custodian.web.fuzz;

import java.util.List;
import java.util.Map;

import static org.custodian.web.fuzz.FuzzRandom.weighted;

/**
 * What an attacker or a broken client puts in a field: control characters, huge and odd
 * Unicode text, SQL, HTML and template fragments, values of the wrong JSON type, and
 * nesting deeper than any parser should follow.
 */
final class HostileValues {

	private static final List<Object> FRAGMENTS = List.of("'; DROP TABLE request; --", "' OR '1'='1",
			"\\'; SELECT pg_sleep(0); --", "$$;$$", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"[[${7*7}]]", "${7*7}", "{{7*7}}", "#{T(java.lang.Runtime).getRuntime()}", "%s%n%x", "{0}{1}",
			"=HYPERLINK(\"http://evil.example\")", "\u202eevil\u202c", "\u200b\u200d\ufeff", "e\u0301\u0301\u0301",
			"😀👩‍👩‍👧", "詐騙 مكافحة", "\ud800", "\udfff", "\uffff\ufffe", "", "   ", "null", "true", "-1",
			"9".repeat(400), "../../etc/passwd", "a@b", "+", "00", "2020-02-30", "HK", "LEGAL_PROCESS", "\\u0000");

	private static final List<Object> WRONG_TYPES = List.of(0, -1, Long.MAX_VALUE, 1e308, true, false, List.of(),
			List.of(1, 2), Map.of(), Map.of("a", Map.of("b", List.of())), List.of(Map.of()), new RawJson("null"),
			new RawJson("\"\\u0000\""), new RawJson("\"\\ud800\""), new RawJson("1e999999"),
			new RawJson("{\"a\":1,\"a\":2}"));

	private final FuzzRandom random;

	HostileValues(FuzzRandom random) {
		this.random = random;
	}

	/** JSON spliced in as it is (too deep for a JSON writer to produce). */
	record RawJson(String json) {
	}

	Object next() {
		return this.random.frequencyOf(weighted(4, this::controlCharacters),
				weighted(2, () -> this.random.string(0, 40, Character.MIN_VALUE, Character.MAX_VALUE)),
				weighted(3, () -> this.random.pick(FRAGMENTS)), weighted(1, this::huge),
				weighted(3, () -> this.random.pick(WRONG_TYPES)), weighted(1, this::deep));
	}

	/** Ordinary text with one to three C0 control characters in it. */
	private String controlCharacters() {
		return alpha() + this.random.string(1, 3, '\u0000', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f') + alpha();
	}

	private String alpha() {
		return this.random.string(0, 8, 'a', 'z', 'A', 'Z');
	}

	private String huge() {
		return "x".repeat(this.random.between(5_000, 100_000));
	}

	private RawJson deep() {
		int depth = this.random.between(600, 5_000);
		return new RawJson("[".repeat(depth) + "]".repeat(depth));
	}

}
