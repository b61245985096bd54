package org.custodian.audit;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.shared.RecordedEvents;
import org.custodian.shared.RequestId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A request's events as the log holds them, for the history the request's module shows
 * its officer: read through the index on the subject, never altered.
 */
@Component
class RecordedRequestEvents implements RecordedEvents {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	RecordedRequestEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Recorded> about(RequestId id, Collection<String> actions) {
		return this.jdbc.sql("""
				SELECT occurred_at, action, details FROM audit_event
				WHERE subject_type = 'request' AND subject_id = ? AND action = ANY(?) ORDER BY seq""")
			.params(id.toString(), actions.toArray(String[]::new))
			.query((rs, row) -> new Recorded(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					rs.getString("action"), details(rs.getString("details"))))
			.list();
	}

	private Map<String, String> details(String details) {
		Map<String, String> text = new LinkedHashMap<>();
		JsonNode node = this.json.readTree((details != null) ? details : "{}");
		node.properties().forEach((field) -> {
			if (field.getValue().isValueNode()) {
				text.put(field.getKey(), field.getValue().asString());
			}
		});
		return text;
	}

}
