package org.custodian.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.FourEyes;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes on the decisions that stop a whole jurisdiction: a pause is proposed by one
 * policy administrator and comes into force when a second one confirms it; an urgent one
 * comes into force at once and a second one reviews it. Lifting takes two people the same
 * way ({@link PauseLiftings}). Each method checks the caller against the authorization
 * table, then that they are not the proposer, then the pause's state, and records the
 * step in the audit log in its transaction. Holding and releasing requests is the review
 * module's part ({@code PauseEnforcement}), in the same transaction.
 */
@Service
public class PauseDecisions {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration urgentReviewWithin;

	private final InForceLock lock;

	PauseDecisions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${custodian.policy.urgent-review-within:24h}") Duration urgentReviewWithin, InForceLock lock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.urgentReviewWithin = urgentReviewWithin;
		this.lock = lock;
	}

	/** Stores a drafted pause as proposed: it holds nothing until confirmed. */
	@Transactional
	public Pause propose(Pause pause, CurrentUser caller) {
		caller.require(Action.PROPOSE_PAUSE);
		insert(pause, PauseStatus.PROPOSED, caller, now(), null);
		audit(caller, "pause.proposed", pause, description(pause));
		return pause;
	}

	/**
	 * Puts a drafted pause in force at once on one person's word, flagged for a second
	 * policy administrator's review within the configured time.
	 */
	@Transactional
	public Pause enactUrgently(Pause pause, String reason, CurrentUser caller) {
		caller.require(Action.ENACT_URGENT_PAUSE);
		FieldProblems problems = new FieldProblems();
		String why = problems.required(reason, "urgentReason", 4000);
		problems.throwIfAny();
		this.lock.exclusive();
		Instant now = now();
		Instant due = now.plus(this.urgentReviewWithin);
		insert(pause, PauseStatus.IN_FORCE, caller, now, new PauseState.Urgent(why, due, null, null, null));
		Map<String, Object> details = description(pause);
		details.put("urgentReason", why);
		details.put("reviewDueAt", due.toString());
		audit(caller, "pause.urgent-enacted", pause, details);
		return pause;
	}

	/** A second policy administrator puts a proposed pause in force. */
	@Transactional
	public Pause confirm(UUID id, CurrentUser caller) {
		caller.require(Action.CONFIRM_PAUSE);
		PauseState state = lock(id);
		FourEyes.requireAnother(state.proposedBy().toString(), caller.id().toString(),
				"Four eyes: the policy administrator who proposed this pause cannot confirm it; another one must.");
		requireStatus(state, PauseStatus.PROPOSED, "is not awaiting confirmation");
		this.jdbc.sql("UPDATE pause SET status = 'IN_FORCE', enacted_by = ?, enacted_at = ? WHERE id = ?")
			.params(caller.id(), PauseRows.utc(now()), id)
			.update();
		audit(caller, "pause.confirmed", state.pause(), Map.of("jurisdiction", state.pause().jurisdiction().code(),
				"proposedBy", state.proposedBy().toString()));
		return state.pause();
	}

	/** A second policy administrator reviews an urgent pause that is in force. */
	@Transactional
	public PauseState review(UUID id, String note, CurrentUser caller) {
		caller.require(Action.REVIEW_URGENT_PAUSE);
		FieldProblems problems = new FieldProblems();
		String comment = problems.optional(note, "note", 4000);
		problems.throwIfAny();
		PauseState state = lock(id);
		if (state.urgent() == null) {
			throw new ConflictException(
					"This pause was confirmed by a second policy administrator; it needs no review.");
		}
		FourEyes.requireAnother(state.proposedBy().toString(), caller.id().toString(),
				"Four eyes: the policy administrator who enacted this urgent pause cannot review it; another one must.");
		if (state.urgent().reviewedAt() != null) {
			throw new ConflictException("This urgent pause has already been reviewed.");
		}
		Instant now = now();
		this.jdbc.sql("UPDATE pause SET reviewed_by = ?, reviewed_at = ?, review_note = ? WHERE id = ?")
			.params(caller.id(), PauseRows.utc(now), comment, id)
			.update();
		Map<String, Object> details = new TreeMap<>();
		details.put("jurisdiction", state.pause().jurisdiction().code());
		details.put("enactedBy", state.proposedBy().toString());
		details.put("overdue", now.isAfter(state.urgent().reviewDueAt()));
		if (comment != null) {
			details.put("note", comment);
		}
		audit(caller, "pause.urgent-reviewed", state.pause(), details);
		return lock(id);
	}

	/**
	 * Declines a proposed pause: its proposer withdraws it, another policy administrator
	 * rejects it. It never held anything.
	 * @return WITHDRAWN or REJECTED
	 */
	@Transactional
	public PauseStatus decline(UUID id, String reason, CurrentUser caller) {
		caller.require(Action.DECLINE_PAUSE);
		String why = optionalReason(reason);
		PauseState state = lock(id);
		requireStatus(state, PauseStatus.PROPOSED, "is not awaiting confirmation");
		PauseStatus status = state.proposedBy(caller.id()) ? PauseStatus.WITHDRAWN : PauseStatus.REJECTED;
		this.jdbc.sql("UPDATE pause SET status = ?, declined_by = ?, declined_at = ?, decline_reason = ? WHERE id = ?")
			.params(status.name(), caller.id(), PauseRows.utc(now()), why, id)
			.update();
		audit(caller, (status == PauseStatus.WITHDRAWN) ? "pause.proposal-withdrawn" : "pause.proposal-rejected",
				state.pause(), withReason(state.pause(), why));
		return status;
	}

	/**
	 * The pauses still in play, oldest first: proposed ones, and those in force (with
	 * their urgent review or proposed lifting).
	 */
	@Transactional(readOnly = true)
	public List<PauseState> open() {
		return this.jdbc.sql("SELECT * FROM pause WHERE status IN ('PROPOSED', 'IN_FORCE') ORDER BY proposed_at, id")
			.query(PauseRows::state)
			.list();
	}

	/** A jurisdiction's pauses in every state, newest proposal first. */
	@Transactional(readOnly = true)
	public List<PauseState> of(Jurisdiction jurisdiction) {
		return this.jdbc.sql("SELECT * FROM pause WHERE jurisdiction = ? ORDER BY proposed_at DESC, id")
			.param(jurisdiction.code())
			.query(PauseRows::state)
			.list();
	}

	private void insert(Pause pause, PauseStatus status, CurrentUser caller, Instant now, PauseState.Urgent urgent) {
		boolean inForce = status == PauseStatus.IN_FORCE;
		this.jdbc.sql("""
				INSERT INTO pause (id, jurisdiction, match, stops_review, stops_production, applies_to, effective_from,
				  reason, assessment_id, lifting_condition, except_emergencies, status, proposed_by, proposed_at,
				  enacted_by, enacted_at, urgent_reason, review_due_at, covers)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','))""")
			.params(pause.id(), pause.jurisdiction().code(), pause.match().name(), pause.stops(PauseStage.REVIEW),
					pause.stops(PauseStage.PRODUCTION), pause.appliesTo().name(), PauseRows.utc(pause.effectiveFrom()),
					pause.reason(), pause.assessmentId(), pause.liftingCondition(), pause.exceptEmergencies(),
					status.name(), caller.id(), PauseRows.utc(now), inForce ? caller.id() : null,
					inForce ? PauseRows.utc(now) : null, (urgent != null) ? urgent.reason() : null,
					(urgent != null) ? PauseRows.utc(urgent.reviewDueAt()) : null,
					String.join(",", pause.covers().stream().map(Enum::name).sorted().toList()))
			.update();
	}

	/**
	 * The pause, locked against a concurrent confirmation or lifting until commit, with
	 * the pauses' lock (screening waits meanwhile).
	 */
	PauseState lock(UUID id) {
		this.lock.exclusive();
		return this.jdbc.sql("SELECT * FROM pause WHERE id = ? FOR UPDATE")
			.param(id)
			.query(PauseRows::state)
			.optional()
			.orElseThrow(() -> new NotFoundException("No pause with this id."));
	}

	private static void requireStatus(PauseState state, PauseStatus expected, String otherwise) {
		if (state.status() != expected) {
			throw new ConflictException("This pause " + otherwise + "; it is " + state.status() + ".");
		}
	}

	static void requireInForce(PauseState state) {
		if (state.status() == PauseStatus.LIFTED) {
			throw new ConflictException("This pause was already lifted.");
		}
		requireStatus(state, PauseStatus.IN_FORCE, "is not in force");
	}

	static String optionalReason(String reason) {
		FieldProblems problems = new FieldProblems();
		String why = problems.optional(reason, "reason", 4000);
		problems.throwIfAny();
		return why;
	}

	private static Map<String, Object> description(Pause pause) {
		Map<String, Object> details = new TreeMap<>();
		details.put("jurisdiction", pause.jurisdiction().code());
		details.put("match", pause.match().name());
		details.put("stages", pause.stages().stream().map(Enum::name).sorted().toList());
		details.put("appliesTo", pause.appliesTo().name());
		details.put("covers", pause.covers().stream().map(Enum::name).sorted().toList());
		details.put("effectiveFrom", pause.effectiveFrom().toString());
		details.put("reason", pause.reason());
		details.put("exceptEmergencies", pause.exceptEmergencies());
		return details;
	}

	static Map<String, Object> withReason(Pause pause, String reason) {
		Map<String, Object> details = new TreeMap<>();
		details.put("jurisdiction", pause.jurisdiction().code());
		if (reason != null) {
			details.put("reason", reason);
		}
		return details;
	}

	private void audit(CurrentUser caller, String action, Pause pause, Map<String, Object> details) {
		this.events.publishEvent(new AuditedAction(caller.actor(), action, "pause", pause.id().toString(), details));
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
