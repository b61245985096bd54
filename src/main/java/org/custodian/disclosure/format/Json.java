package org.custodian.disclosure.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) for the manifest and a JWK Set, so that the
 * offline verifier needs nothing but the JDK: objects become maps, arrays lists, numbers
 * longs or doubles.
 */
final class Json {

	private final String text;

	private int at;

	private Json(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		Json json = new Json(text);
		Object value = json.value();
		json.space();
		if (json.at != text.length()) {
			throw json.error("text after the JSON value");
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(Object value) {
		return (value instanceof Map) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> array(Object value) {
		return (value instanceof List) ? (List<Object>) value : List.of();
	}

	static String string(Object value) {
		return (value instanceof String string) ? string : null;
	}

	private Object value() {
		space();
		if (this.at >= this.text.length()) {
			throw error("unexpected end");
		}
		char c = this.text.charAt(this.at);
		switch (c) {
			case '{':
				return members();
			case '[':
				return elements();
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", null);
			default:
				return number();
		}
	}

	private Map<String, Object> members() {
		Map<String, Object> members = new LinkedHashMap<>();
		this.at++;
		space();
		if (peek('}')) {
			return members;
		}
		do {
			space();
			if (this.at >= this.text.length() || this.text.charAt(this.at) != '"') {
				throw error("a name expected");
			}
			String name = string();
			space();
			expect(':');
			if (members.put(name, value()) != null) {
				throw error("duplicate name " + name);
			}
			space();
		}
		while (peek(','));
		expect('}');
		return members;
	}

	private List<Object> elements() {
		List<Object> elements = new ArrayList<>();
		this.at++;
		space();
		if (peek(']')) {
			return elements;
		}
		do {
			elements.add(value());
			space();
		}
		while (peek(','));
		expect(']');
		return elements;
	}

	private String string() {
		StringBuilder result = new StringBuilder();
		this.at++;
		while (true) {
			if (this.at >= this.text.length()) {
				throw error("unterminated string");
			}
			char c = this.text.charAt(this.at++);
			if (c == '"') {
				return result.toString();
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			if (c != '\\') {
				result.append(c);
				continue;
			}
			char escape = this.text.charAt(this.at++);
			switch (escape) {
				case 'u' -> {
					result.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
					this.at += 4;
				}
				case 'b' -> result.append('\b');
				case 'f' -> result.append('\f');
				case 'n' -> result.append('\n');
				case 'r' -> result.append('\r');
				case 't' -> result.append('\t');
				case '"', '\\', '/' -> result.append(escape);
				default -> throw error("bad escape");
			}
		}
	}

	private Object number() {
		int start = this.at;
		while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
		String number = this.text.substring(start, this.at);
		try {
			return (number.matches("-?\\d+")) ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
		}
		catch (NumberFormatException ex) {
			throw error("not a value");
		}
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.at)) {
			throw error("not a value");
		}
		this.at += word.length();
		return value;
	}

	private void space() {
		while (this.at < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
	}

	private boolean peek(char c) {
		if (this.at < this.text.length() && this.text.charAt(this.at) == c) {
			this.at++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!peek(c)) {
			throw error("'" + c + "' expected");
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException("Not valid JSON at character " + this.at + ": " + message);
	}

}
