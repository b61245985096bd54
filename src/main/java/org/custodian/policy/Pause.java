package org.custodian.policy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;

import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;

/**
 * A jurisdiction pause: which requests it catches, which stages it stops, from when, why,
 * and what would lift it.
 */
public record Pause(UUID id, Jurisdiction jurisdiction, PauseMatch match, Set<PauseStage> stages, PauseScope appliesTo,
		Instant effectiveFrom, String reason, UUID assessmentId, String liftingCondition, boolean exceptEmergencies,
		Set<PauseCovers> covers) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public Pause {
		stages = Set.copyOf(stages);
		covers = (covers == null || covers.isEmpty()) ? Set.of(PauseCovers.DATA_REQUESTS) : Set.copyOf(covers);
	}

	/** A pause of data requests only. */
	public Pause(UUID id, Jurisdiction jurisdiction, PauseMatch match, Set<PauseStage> stages, PauseScope appliesTo,
			Instant effectiveFrom, String reason, UUID assessmentId, String liftingCondition,
			boolean exceptEmergencies) {
		this(id, jurisdiction, match, stages, appliesTo, effectiveFrom, reason, assessmentId, liftingCondition,
				exceptEmergencies, Set.of(PauseCovers.DATA_REQUESTS));
	}

	public boolean covers(PauseCovers kind) {
		return this.covers.contains(kind);
	}

	public boolean stops(PauseStage stage) {
		return this.stages.contains(stage);
	}

	/** Whether the pause catches the data request (whatever its stage). */
	public boolean matches(RequestFacts request) {
		if (!covers(PauseCovers.DATA_REQUESTS)) {
			return false;
		}
		if (this.exceptEmergencies && request.type() == RequestType.EMERGENCY) {
			return false;
		}
		if (this.appliesTo == PauseScope.NEW_ONLY && request.receivedAt().isBefore(this.effectiveFrom)) {
			return false;
		}
		return (this.match.from() && request.requester().equals(this.jurisdiction))
				|| (this.match.about() && request.targets().contains(this.jurisdiction));
	}

	/**
	 * Whether the pause catches a removal request: one from this jurisdiction's
	 * authorities, or one asking to restrict content in it (its territorial scope).
	 */
	public boolean matchesRemoval(Jurisdiction requester, Set<Jurisdiction> territorialScope, Instant receivedAt) {
		if (!covers(PauseCovers.REMOVAL_REQUESTS)) {
			return false;
		}
		if (this.appliesTo == PauseScope.NEW_ONLY && receivedAt.isBefore(this.effectiveFrom)) {
			return false;
		}
		return (this.match.from() && requester.equals(this.jurisdiction))
				|| (this.match.about() && territorialScope.contains(this.jurisdiction));
	}

	/** What the officer reads on a request held by this pause. */
	public String officerMessage() {
		String who = switch (this.match) {
			case FROM_AUTHORITIES -> "Requests from authorities of " + this.jurisdiction.code();
			case ABOUT_USERS -> "Requests concerning users in " + this.jurisdiction.code();
			case BOTH -> "Requests from authorities of, or concerning users in, " + this.jurisdiction.code();
		};
		String stage = (this.stages.size() == 2) ? "" : (stops(PauseStage.REVIEW) ? " (review)" : " (production)");
		return who + " are paused" + stage + " since " + WHEN.format(this.effectiveFrom) + ": " + sentence(this.reason)
				+ ((this.liftingCondition != null) ? " The pause will be reconsidered when: " + this.liftingCondition
						: "");
	}

	/** A reason as a sentence: closed by a full stop unless it already ends in one. */
	public static String sentence(String text) {
		String trimmed = text.strip();
		return (trimmed.isEmpty() || ".!?。！？".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) ? trimmed
				: trimmed + ".";
	}

}
