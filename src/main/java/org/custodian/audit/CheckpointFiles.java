package org.custodian.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkpoints as JSON outside the database: one object per checkpoint (as published), the
 * mirror's JSON lines, and reading back any of those from a file (an object, an array,
 * the published list, or lines of objects).
 */
final class CheckpointFiles {

	static final String MIRROR_FILE = "audit-checkpoints.jsonl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CheckpointFiles() {
	}

	static Map<String, Object> json(Checkpoint checkpoint) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("events", checkpoint.events());
		json.put("hash", checkpoint.hash());
		json.put("signedAt", checkpoint.signedAt().toString());
		json.put("keyId", checkpoint.keyId());
		json.put("signature", checkpoint.signature());
		return json;
	}

	/** Appends one line; a mirror on a shared volume gets whole lines from each node. */
	static void append(Path directory, Checkpoint checkpoint) {
		try {
			Files.createDirectories(directory);
			String line = JSON.writeValueAsString(json(checkpoint)) + "\n";
			Files.writeString(directory.resolve(MIRROR_FILE), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot append to the checkpoint mirror " + directory, ex);
		}
	}

	/** The mirror's checkpoints; none if it has not been written yet. */
	static List<Checkpoint> mirrored(Path directory) {
		Path file = directory.resolve(MIRROR_FILE);
		return Files.exists(file) ? read(file) : new ArrayList<>();
	}

	/**
	 * Every checkpoint in the file; IllegalArgumentException naming the file if it holds
	 * something else.
	 */
	static List<Checkpoint> read(Path file) {
		List<Checkpoint> checkpoints = new ArrayList<>();
		try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(file.toFile())) {
			while (values.hasNextValue()) {
				JsonNode value = values.nextValue();
				JsonNode list = value.has("checkpoints") ? value.get("checkpoints") : value;
				if (list.isArray()) {
					list.forEach((node) -> checkpoints.add(checkpoint(node, file)));
				}
				else {
					checkpoints.add(checkpoint(list, file));
				}
			}
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(file + " is not JSON: " + ex.getOriginalMessage(), ex);
		}
		return checkpoints;
	}

	private static Checkpoint checkpoint(JsonNode node, Path file) {
		try {
			long events = node.required("events").asLong();
			Instant signedAt = Instant.parse(node.required("signedAt").asString());
			return new Checkpoint(events, node.required("hash").asString(), signedAt, node.required("keyId").asString(),
					node.required("signature").asString());
		}
		catch (JacksonException | DateTimeParseException ex) {
			throw new IllegalArgumentException(file + " holds something that is not a checkpoint: " + node, ex);
		}
	}

}
