package org.custodian.duediligence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.Jurisdiction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each jurisdiction's human-rights risk level (MEDIUM unless set).
 */
@Service
public class RiskLevels {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RiskLevels(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public RiskLevel of(Jurisdiction jurisdiction) {
		return this.jdbc.sql("SELECT level FROM jurisdiction_risk WHERE jurisdiction = ?")
			.param(jurisdiction.code())
			.query(String.class)
			.optional()
			.map(RiskLevel::valueOf)
			.orElse(RiskLevel.MEDIUM);
	}

	/** The jurisdictions whose level was set, with level and reason. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> all() {
		return this.jdbc.sql("SELECT jurisdiction, level, reason FROM jurisdiction_risk ORDER BY jurisdiction")
			.query((rs, row) -> Map.<String, Object>of("jurisdiction", rs.getString("jurisdiction"), "level",
					rs.getString("level"), "reason", rs.getString("reason")))
			.list();
	}

	@Transactional
	public RiskLevel set(Jurisdiction jurisdiction, String level, String reason, CurrentUser caller) {
		Actor actor = caller.require(Action.SET_RISK_LEVEL).actor();
		FieldProblems problems = new FieldProblems();
		RiskLevel risk = problems.enumValue(RiskLevel.class, level, "level", true);
		String why = problems.required(reason, "reason", 4000);
		problems.throwIfAny();
		this.jdbc.sql("""
				INSERT INTO jurisdiction_risk (jurisdiction, level, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (jurisdiction) DO UPDATE SET level = EXCLUDED.level, reason = EXCLUDED.reason,
				  set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""")
			.params(jurisdiction.code(), risk.name(), why, UUID.fromString(actor.id()),
					OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		this.events.publishEvent(new AuditedAction(actor, "jurisdiction.risk-set", "jurisdiction", jurisdiction.code(),
				Map.of("level", risk.name(), "reason", why)));
		return risk;
	}

}
