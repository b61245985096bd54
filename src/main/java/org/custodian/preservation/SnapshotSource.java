package org.custodian.preservation;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.custodian.disclosure.DataRecord;
import org.custodian.disclosure.RecordSource;
import org.custodian.shared.DataCategory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A preservation snapshot read as a data source: the sealed record sets are opened one at
 * a time and filtered to the category and period asked for.
 */
class SnapshotSource implements RecordSource {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RecordSource live;

	private final Function<String, Map<DataCategory, byte[]>> sets;

	/**
	 * @param live the live source, for the field names
	 * @param sets an account's opened record sets by category
	 */
	SnapshotSource(RecordSource live, Function<String, Map<DataCategory, byte[]>> sets) {
		this.live = live;
		this.sets = sets;
	}

	@Override
	public List<String> fields(DataCategory category) {
		return this.live.fields(category);
	}

	@Override
	public Stream<DataRecord> export(String accountId, DataCategory category, LocalDate from, LocalDate to) {
		byte[] set = this.sets.apply(accountId).get(category);
		if (set == null) {
			return Stream.empty();
		}
		Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ByteArrayInputStream(set), StandardCharsets.UTF_8));
		return reader.lines()
			.map(SnapshotSource::parse)
			.filter((record) -> record.at() == null || (!record.at().isBefore(start) && record.at().isBefore(end)));
	}

	static String line(DataRecord record) {
		return JSON.writeValueAsString(Map.of("kind", record.kind(), "at",
				(record.at() != null) ? record.at().toString() : "", "fields", record.fields()));
	}

	private static DataRecord parse(String line) {
		Map<String, Object> value = JSON.readValue(line, new TypeReference<>() {
		});
		String at = (String) value.get("at");
		@SuppressWarnings("unchecked")
		Map<String, String> fields = (Map<String, String>) value.get("fields");
		return new DataRecord((String) value.get("kind"), at.isEmpty() ? null : Instant.parse(at),
				new java.util.LinkedHashMap<>(fields));
	}

}
