package org.custodian.disclosure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.review.CaseFlags;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a production that needs staff on the case and in the queue: failed, blocked (by a
 * pause or a withdrawal), waiting for an emergency callback or for the user notice.
 */
@Component
class ProductionFlags implements CaseFlags {

	private final JdbcClient jdbc;

	ProductionFlags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, List<String>> flags(List<UUID> requestIds) {
		Map<UUID, List<String>> flags = new HashMap<>();
		if (requestIds.isEmpty()) {
			return flags;
		}
		this.jdbc
			.sql("""
					SELECT request_id, status FROM production
					WHERE request_id = ANY (?) AND status IN ('FAILED', 'BLOCKED', 'AWAITING_CALLBACK', 'AWAITING_NOTICE')""")
			.param(requestIds.toArray(UUID[]::new))
			.query((rs, row) -> flags.put(rs.getObject("request_id", UUID.class),
					List.of("PRODUCTION_" + rs.getString("status"))))
			.list();
		return flags;
	}

}
