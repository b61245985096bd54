package org.custodian.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.custodian.shared.Jurisdiction;

/**
 * Reading pauses from their table: one mapping for the services of this module.
 */
final class PauseRows {

	private PauseRows() {
	}

	static Pause pause(ResultSet rs, int row) throws SQLException {
		return new Pause(rs.getObject("id", UUID.class), Jurisdiction.of(rs.getString("jurisdiction")),
				PauseMatch.valueOf(rs.getString("match")), stages(rs), PauseScope.valueOf(rs.getString("applies_to")),
				instant(rs, "effective_from"), rs.getString("reason"), rs.getObject("assessment_id", UUID.class),
				rs.getString("lifting_condition"), rs.getBoolean("except_emergencies"), covers(rs));
	}

	static PauseState state(ResultSet rs, int row) throws SQLException {
		String urgentReason = rs.getString("urgent_reason");
		PauseState.Urgent urgent = (urgentReason == null) ? null
				: new PauseState.Urgent(urgentReason, instant(rs, "review_due_at"),
						rs.getObject("reviewed_by", UUID.class), instant(rs, "reviewed_at"),
						rs.getString("review_note"));
		UUID liftingProposedBy = rs.getObject("lifting_proposed_by", UUID.class);
		PauseState.Lifting lifting = (liftingProposedBy == null) ? null : new PauseState.Lifting(liftingProposedBy,
				instant(rs, "lifting_proposed_at"), rs.getString("lifting_rationale"));
		return new PauseState(pause(rs, row), PauseStatus.valueOf(rs.getString("status")),
				rs.getObject("proposed_by", UUID.class), instant(rs, "proposed_at"), instant(rs, "enacted_at"),
				instant(rs, "lifted_at"), urgent, lifting);
	}

	static Set<PauseCovers> covers(ResultSet rs) throws SQLException {
		Set<PauseCovers> covers = EnumSet.noneOf(PauseCovers.class);
		for (String kind : (String[]) rs.getArray("covers").getArray()) {
			covers.add(PauseCovers.valueOf(kind));
		}
		return covers;
	}

	static Set<PauseStage> stages(ResultSet rs) throws SQLException {
		Set<PauseStage> stages = EnumSet.noneOf(PauseStage.class);
		if (rs.getBoolean("stops_review")) {
			stages.add(PauseStage.REVIEW);
		}
		if (rs.getBoolean("stops_production")) {
			stages.add(PauseStage.PRODUCTION);
		}
		return stages;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
