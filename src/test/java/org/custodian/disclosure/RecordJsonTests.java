package org.custodian.disclosure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part's JSON written as bytes is byte for byte what Jackson writes for the same values
 * (which the package format wrote before), and reads back as exactly those values.
 */
class RecordJsonTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void writesEveryValueAsJacksonDoesAndReadsBackExactly() throws Exception {
		StringBuilder controls = new StringBuilder();
		for (char c = 0; c < 0x20; c++) {
			controls.append(c);
		}
		List<String> values = new ArrayList<>(List.of("", "plain", "quote \" and \\ backslash", controls.toString(),
				"\u007f", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00 \u2028\u2029", "=HYPERLINK(\"x\")", "a\r\nb"));
		ByteArrayOutputStream ours = new ByteArrayOutputStream();
		RecordJson json = new RecordJson(ours);
		json.raw((byte) '{');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				json.raw((byte) ',');
			}
			json.raw(RecordJson.name("k\"" + i));
			json.value(ValueBytes.utf8(values.get(i)));
		}
		json.raw((byte) ',');
		json.raw(RecordJson.name("none"));
		json.value(null);
		json.raw((byte) '}');
		json.flush();
		ByteArrayOutputStream jackson = new ByteArrayOutputStream();
		try (JsonGenerator generator = JSON.createGenerator(jackson)) {
			generator.writeStartObject();
			for (int i = 0; i < values.size(); i++) {
				generator.writeStringProperty("k\"" + i, values.get(i));
			}
			generator.writeStringProperty("none", null);
			generator.writeEndObject();
		}
		assertThat(ours.toString(StandardCharsets.UTF_8)).isEqualTo(jackson.toString(StandardCharsets.UTF_8));
		JsonNode read = JSON.readTree(ours.toByteArray());
		for (int i = 0; i < values.size(); i++) {
			assertThat(read.get("k\"" + i).asString()).isEqualTo(values.get(i));
		}
		assertThat(read.get("none").isNull()).isTrue();
	}

	@Test
	void aValueLargerThanTheBufferIsWrittenWhole() throws Exception {
		String large = "x\"".repeat(100_000);
		ByteArrayOutputStream ours = new ByteArrayOutputStream();
		RecordJson json = new RecordJson(ours);
		json.value(ValueBytes.utf8(large));
		json.flush();
		assertThat(JSON.readTree(ours.toByteArray()).asString()).isEqualTo(large);
	}

}
