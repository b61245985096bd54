package org.custodian.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.custodian.duediligence.Assessments;
import org.custodian.duediligence.LiftingVerdict;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.FourEyes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifting a pause takes two people: one policy administrator proposes it with a
 * rationale, a second one confirms it, each time behind the due-diligence gate of the
 * pause's assessment; the proposer may withdraw it, another may reject it. Releasing the
 * held requests is the review module's part ({@code PauseEnforcement}), in the
 * confirmation's transaction.
 */
@Service
public class PauseLiftings {

	private final JdbcClient jdbc;

	private final PauseDecisions decisions;

	private final Assessments assessments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PauseLiftings(JdbcClient jdbc, PauseDecisions decisions, Assessments assessments, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.assessments = assessments;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Proposes lifting a pause in force, unless its linked assessment does not permit it
	 * (409 with the reason). Nothing is released until a second policy administrator
	 * confirms.
	 */
	@Transactional
	public Pause proposeLifting(UUID id, String rationale, CurrentUser caller) {
		caller.require(Action.PROPOSE_LIFTING);
		FieldProblems problems = new FieldProblems();
		String why = problems.required(rationale, "rationale", 4000);
		problems.throwIfAny();
		PauseState state = this.decisions.lock(id);
		PauseDecisions.requireInForce(state);
		if (state.liftingAwaitingConfirmation()) {
			throw new ConflictException("A lifting of this pause is already proposed and waits for confirmation.");
		}
		requireLiftingPermitted(state.pause());
		this.jdbc.sql(
				"UPDATE pause SET lifting_proposed_by = ?, lifting_proposed_at = ?, lifting_rationale = ? WHERE id = ?")
			.params(caller.id(), PauseRows.utc(Instant.now(this.clock)), why, id)
			.update();
		audit(caller, "pause.lifting-proposed", state.pause(),
				Map.of("jurisdiction", state.pause().jurisdiction().code(), "rationale", why));
		return state.pause();
	}

	/**
	 * A second policy administrator confirms the proposed lifting; the assessment must
	 * still permit it.
	 * @return the lifting that was confirmed
	 */
	@Transactional
	public PauseState.Lifting confirmLifting(UUID id, CurrentUser caller) {
		caller.require(Action.CONFIRM_LIFTING);
		PauseState state = this.decisions.lock(id);
		PauseDecisions.requireInForce(state);
		PauseState.Lifting lifting = requireLiftingProposed(state);
		FourEyes.requireAnother(lifting.proposedBy().toString(), caller.id().toString(),
				"Four eyes: the policy administrator who proposed this lifting cannot confirm it; another one must.");
		requireLiftingPermitted(state.pause());
		this.jdbc.sql("UPDATE pause SET status = 'LIFTED', lifted_by = ?, lifted_at = ? WHERE id = ?")
			.params(caller.id(), PauseRows.utc(Instant.now(this.clock)), id)
			.update();
		audit(caller, "pause.lifted", state.pause(), Map.of("jurisdiction", state.pause().jurisdiction().code(),
				"rationale", lifting.rationale(), "proposedBy", lifting.proposedBy().toString()));
		return lifting;
	}

	/**
	 * Declines a proposed lifting: its proposer withdraws it, another policy
	 * administrator rejects it. The pause stays in force.
	 */
	@Transactional
	public void declineLifting(UUID id, String reason, CurrentUser caller) {
		caller.require(Action.DECLINE_LIFTING);
		String why = PauseDecisions.optionalReason(reason);
		PauseState state = this.decisions.lock(id);
		PauseDecisions.requireInForce(state);
		PauseState.Lifting lifting = requireLiftingProposed(state);
		this.jdbc.sql("""
				UPDATE pause SET lifting_proposed_by = NULL, lifting_proposed_at = NULL, lifting_rationale = NULL
				WHERE id = ?""").param(id).update();
		Map<String, Object> details = PauseDecisions.withReason(state.pause(), why);
		details.put("rationale", lifting.rationale());
		audit(caller, lifting.proposedBy(caller.id()) ? "pause.lifting-withdrawn" : "pause.lifting-rejected",
				state.pause(), details);
	}

	private static PauseState.Lifting requireLiftingProposed(PauseState state) {
		if (!state.liftingAwaitingConfirmation()) {
			throw new ConflictException("No lifting of this pause is proposed.");
		}
		return state.lifting();
	}

	private void requireLiftingPermitted(Pause pause) {
		if (pause.assessmentId() != null) {
			LiftingVerdict verdict = this.assessments.liftingVerdict(pause.assessmentId());
			if (!verdict.permits()) {
				throw new ConflictException(verdict.reason());
			}
		}
	}

	private void audit(CurrentUser caller, String action, Pause pause, Map<String, Object> details) {
		this.events.publishEvent(new AuditedAction(caller.actor(), action, "pause", pause.id().toString(), details));
	}

}
