package org.custodian.web.fuzz;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What an attacker or a broken client puts in a field: control characters, huge and odd
 * Unicode text, SQL, HTML and template fragments, values of the wrong JSON type, and
 * nesting deeper than any parser should follow.
 */
final class HostileValues {

	private HostileValues() {
	}

	/** JSON spliced in as it is (too deep for a JSON writer to produce). */
	record RawJson(String json) {
	}

	static Arbitrary<Object> any() {
		return Arbitraries.frequencyOf(Tuple.of(4, controlCharacters()),
				Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40).map((text) -> (Object) text)),
				Tuple.of(3, fragments()), Tuple.of(1, huge()), Tuple.of(3, wrongTypes()), Tuple.of(1, deep()));
	}

	/** Ordinary text with one or more C0 control characters somewhere in it. */
	static Arbitrary<Object> controlCharacters() {
		Arbitrary<String> controls = Arbitraries.strings()
			.withCharRange('\u0000', '\u0008')
			.withCharRange('\u000b', '\u000c')
			.withCharRange('\u000e', '\u001f')
			.ofMinLength(1)
			.ofMaxLength(3);
		Arbitrary<String> text = Arbitraries.strings().alpha().ofMaxLength(8);
		return Combinators.combine(text, controls, text).as((a, b, c) -> (Object) (a + b + c));
	}

	static Arbitrary<Object> fragments() {
		return Arbitraries.<Object>of("'; DROP TABLE request; --", "' OR '1'='1", "\\'; SELECT pg_sleep(0); --",
				"$$;$$", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "[[${7*7}]]", "${7*7}",
				"{{7*7}}", "#{T(java.lang.Runtime).getRuntime()}", "%s%n%x", "{0}{1}",
				"=HYPERLINK(\"http://evil.example\")", "\u202eevil\u202c", "\u200b\u200d\ufeff", "e\u0301\u0301\u0301",
				"😀👩‍👩‍👧", "詐騙 مكافحة", "\ud800", "\udfff", "\uffff\ufffe", "", "   ", "null", "true", "-1",
				"9".repeat(400), "../../etc/passwd", "a@b", "+", "00", "2020-02-30", "HK", "LEGAL_PROCESS", "\\u0000");
	}

	static Arbitrary<Object> huge() {
		return Arbitraries.integers().between(5_000, 100_000).map((length) -> (Object) "x".repeat(length));
	}

	static Arbitrary<Object> wrongTypes() {
		return Arbitraries.<Object>of(0, -1, Long.MAX_VALUE, 1e308, true, false, List.of(), List.of(1, 2), Map.of(),
				Map.of("a", Map.of("b", List.of())), List.of(Map.of()), new RawJson("null"), new RawJson("\"\\u0000\""),
				new RawJson("\"\\ud800\""), new RawJson("1e999999"), new RawJson("{\"a\":1,\"a\":2}"));
	}

	static Arbitrary<Object> deep() {
		return Arbitraries.integers()
			.between(600, 5_000)
			.map((depth) -> (Object) new RawJson("[".repeat(depth) + "]".repeat(depth)));
	}

}
