package org.custodian.policy;

import java.time.Instant;
import java.util.UUID;

/**
 * A pause with its place in the four-eyes process: who proposed it and when, whether it
 * was enacted at once as urgent (and reviewed since), and a lifting waiting for its
 * confirmation.
 *
 * @param pause what the pause catches and why
 * @param status where it stands
 * @param proposedBy the policy administrator who proposed it (or enacted it, if urgent)
 * @param proposedAt when
 * @param enactedAt when it came into force (null while proposed)
 * @param liftedAt when it was lifted (null until then)
 * @param urgent the urgent enactment and its review, or null for a confirmed pause
 * @param lifting the lifting proposed (confirmed if {@code liftedAt} is set), or null
 */
public record PauseState(Pause pause, PauseStatus status, UUID proposedBy, Instant proposedAt, Instant enactedAt,
		Instant liftedAt, Urgent urgent, Lifting lifting) {

	/** Whether this staff member proposed the pause (and so cannot confirm it). */
	public boolean proposedBy(UUID staff) {
		return this.proposedBy.equals(staff);
	}

	/** Whether a lifting is proposed and waits for a second policy administrator. */
	public boolean liftingAwaitingConfirmation() {
		return this.lifting != null && this.liftedAt == null;
	}

	/** Whether the pause was enacted as urgent and nobody has reviewed it yet. */
	public boolean awaitingReview() {
		return this.urgent != null && this.urgent.reviewedAt() == null;
	}

	/**
	 * An urgent pause: enacted by one policy administrator with a reason, to be reviewed
	 * by a second one before {@code reviewDueAt}.
	 */
	public record Urgent(String reason, Instant reviewDueAt, UUID reviewedBy, Instant reviewedAt, String reviewNote) {

		/** REVIEWED, OVERDUE (past its review time) or AWAITING_REVIEW. */
		public String review(Instant now) {
			if (this.reviewedAt != null) {
				return "REVIEWED";
			}
			return now.isAfter(this.reviewDueAt) ? "OVERDUE" : "AWAITING_REVIEW";
		}

	}

	/** A lifting proposed by one policy administrator, waiting for a second one. */
	public record Lifting(UUID proposedBy, Instant proposedAt, String rationale) {

		public boolean proposedBy(UUID staff) {
			return this.proposedBy.equals(staff);
		}

	}

}
