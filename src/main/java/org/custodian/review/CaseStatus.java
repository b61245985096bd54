package org.custodian.review;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.custodian.policy.PauseStage;

/**
 * The statuses of a request and the one table of allowed transitions between them.
 */
public enum CaseStatus {

	RECEIVED, SCREENING, ON_HOLD, IN_REVIEW, NEEDS_INFO, PENDING_APPROVAL, APPROVED, REJECTED, PRODUCING, PRODUCED,
	CLOSED, WITHDRAWN, PRESERVED, EXPIRED, CONVERTED;

	private static final Map<CaseStatus, Set<CaseStatus>> TRANSITIONS = Map.ofEntries(
			Map.entry(RECEIVED, EnumSet.of(SCREENING, WITHDRAWN)),
			Map.entry(SCREENING, EnumSet.of(IN_REVIEW, ON_HOLD, PRESERVED, REJECTED, WITHDRAWN)),
			Map.entry(ON_HOLD, EnumSet.of(SCREENING, REJECTED, WITHDRAWN)),
			Map.entry(IN_REVIEW, EnumSet.of(NEEDS_INFO, PENDING_APPROVAL, ON_HOLD, WITHDRAWN)),
			Map.entry(NEEDS_INFO, EnumSet.of(IN_REVIEW, ON_HOLD, WITHDRAWN)),
			Map.entry(PENDING_APPROVAL, EnumSet.of(APPROVED, IN_REVIEW, REJECTED, CLOSED, ON_HOLD, WITHDRAWN)),
			Map.entry(APPROVED, EnumSet.of(PRODUCING, ON_HOLD, WITHDRAWN)),
			Map.entry(PRODUCING, EnumSet.of(PRODUCED, ON_HOLD)), Map.entry(PRODUCED, EnumSet.of(CLOSED)),
			Map.entry(PRESERVED, EnumSet.of(EXPIRED, CONVERTED, WITHDRAWN)),
			Map.entry(REJECTED, EnumSet.noneOf(CaseStatus.class)), Map.entry(CLOSED, EnumSet.noneOf(CaseStatus.class)),
			Map.entry(WITHDRAWN, EnumSet.noneOf(CaseStatus.class)),
			Map.entry(EXPIRED, EnumSet.noneOf(CaseStatus.class)),
			Map.entry(CONVERTED, EnumSet.noneOf(CaseStatus.class)));

	/**
	 * Open: the response team still owes the agency an answer. The same list is the
	 * {@code review_case.open} column's (V70); the queue's default view shows these.
	 */
	public static final Set<CaseStatus> OPEN = Set
		.copyOf(EnumSet.of(RECEIVED, SCREENING, ON_HOLD, IN_REVIEW, NEEDS_INFO, PENDING_APPROVAL, APPROVED, PRODUCING));

	/** The statuses at which a pause of the stage stops a request. */
	public static Set<CaseStatus> atStage(PauseStage stage) {
		Set<CaseStatus> statuses = switch (stage) {
			case REVIEW -> EnumSet.of(SCREENING, IN_REVIEW, NEEDS_INFO, PENDING_APPROVAL);
			case PRODUCTION -> EnumSet.of(APPROVED, PRODUCING);
		};
		statuses.removeIf((status) -> !status.canMoveTo(ON_HOLD));
		return statuses;
	}

	public boolean canMoveTo(CaseStatus next) {
		return TRANSITIONS.get(this).contains(next);
	}

	public boolean isFinal() {
		return TRANSITIONS.get(this).isEmpty();
	}

	static Set<CaseStatus> allowedFrom(CaseStatus status) {
		return TRANSITIONS.get(status);
	}

}
