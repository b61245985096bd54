package org.custodian.web.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodian.web.fuzz.HostileValues.RawJson;
import org.custodian.web.fuzz.WriteEndpoints.Kind;
import org.custodian.web.fuzz.WriteEndpoints.Template;
import tools.jackson.databind.json.JsonMapper;

/**
 * The places of a call a hostile value can go: every value of its body, addressed as a
 * pointer ({@code targets/0/value}), the query string and, for uploads, the file name.
 */
final class Slots {

	static final String QUERY = "?q";

	static final String FILE_NAME = "document filename";

	private Slots() {
	}

	static List<String> of(Template template) {
		List<String> slots = new ArrayList<>();
		if (template.kind() != Kind.NONE) {
			collect(template.body(), "", slots);
		}
		slots.add(QUERY);
		if (template.kind() == Kind.MULTIPART) {
			slots.add(FILE_NAME);
		}
		return slots;
	}

	private static void collect(Object node, String pointer, List<String> slots) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				String child = pointer.isEmpty() ? key.toString() : pointer + "/" + key;
				slots.add(child);
				collect(value, child, slots);
			});
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				String child = pointer + "/" + i;
				slots.add(child);
				collect(list.get(i), child, slots);
			}
		}
	}

	/** A copy of the body with the value at the pointer replaced. */
	static Object replace(Object body, String pointer, Object value) {
		int slash = pointer.indexOf('/');
		String head = (slash < 0) ? pointer : pointer.substring(0, slash);
		String rest = (slash < 0) ? null : pointer.substring(slash + 1);
		if (body instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>(map);
			copy.put(head, (rest == null) ? value : replace(map.get(head), rest, value));
			return copy;
		}
		List<Object> copy = new ArrayList<>((List<?>) body);
		int index = Integer.parseInt(head);
		copy.set(index, (rest == null) ? value : replace(copy.get(index), rest, value));
		return copy;
	}

	/**
	 * The body as JSON, with raw JSON spliced in where the writer could not produce it.
	 */
	static String json(Object body, JsonMapper mapper) {
		Map<String, String> raw = new LinkedHashMap<>();
		String json = mapper.writeValueAsString(placeholders(body, raw));
		for (Map.Entry<String, String> splice : raw.entrySet()) {
			json = json.replace("\"" + splice.getKey() + "\"", splice.getValue());
		}
		return json;
	}

	private static Object placeholders(Object node, Map<String, String> raw) {
		if (node instanceof RawJson json) {
			String key = "raw-" + UUID.randomUUID();
			raw.put(key, json.json());
			return key;
		}
		if (node instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((key, value) -> copy.put(key, placeholders(value, raw)));
			return copy;
		}
		if (node instanceof List<?> list) {
			return list.stream().map((value) -> placeholders(value, raw)).toList();
		}
		return node;
	}

	/** The sanctions template as a CSV list of one entry, values as they are. */
	static String csv(Object body) {
		Map<?, ?> entry = (Map<?, ?>) body;
		return "name,program,remarks\n" + List.of("name", "program", "remarks")
			.stream()
			.map((column) -> String.valueOf(entry.get(column)))
			.collect(Collectors.joining(",")) + "\n";
	}

}
