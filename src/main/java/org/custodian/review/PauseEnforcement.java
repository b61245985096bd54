package org.custodian.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.policy.JurisdictionPolicy;
import org.custodian.policy.Pause;
import org.custodian.policy.PauseCovers;
import org.custodian.policy.PauseDecisions;
import org.custodian.policy.PauseLiftings;
import org.custodian.policy.PauseStage;
import org.custodian.policy.PausedRequests;
import org.custodian.policy.PauseState;
import org.custodian.policy.Pauses;
import org.custodian.policy.PolicyOutcome;
import org.custodian.policy.RequestFacts;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies jurisdiction pauses to requests: the what-if preview, enactment once a second
 * policy administrator confirms (every matching request held in one statement), lifting
 * once a second one confirms (held requests back to screening, then screened again:
 * nothing is approved by a lifting), and the production gate that no path around it can
 * pass. Proposing, reviewing and declining, which touch no request, are
 * {@link PauseDecisions}' and {@link PauseLiftings}'.
 */
@Service
public class PauseEnforcement {

	private final Pauses pauses;

	private final PauseDecisions decisions;

	private final PauseLiftings liftings;

	private final Holds holds;

	private final Cases cases;

	private final List<PausedRequests> otherKinds;

	private final Clock clock;

	PauseEnforcement(Pauses pauses, PauseDecisions decisions, PauseLiftings liftings, Holds holds, Cases cases,
			List<PausedRequests> otherKinds, Clock clock) {
		this.otherKinds = otherKinds;
		this.pauses = pauses;
		this.decisions = decisions;
		this.liftings = liftings;
		this.holds = holds;
		this.cases = cases;
		this.clock = clock;
	}

	/** What enacting the pause would hold, changing nothing. */
	@Transactional(readOnly = true)
	public Map<String, Object> preview(Pauses.PauseForm form, CurrentUser caller) {
		caller.require(Action.PREVIEW_PAUSE);
		Pause pause = this.pauses.draft(form);
		Holds.Preview preview = this.holds.preview(pause);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("affected", preview.affected());
		result.put("byStatus", preview.byStatus());
		result.put("caseNumbers", preview.caseNumbers());
		result.put("removalRequests", this.otherKinds.stream().mapToLong((kind) -> kind.preview(pause)).sum());
		return result;
	}

	/**
	 * Proposes a pause, which holds nothing until a second policy administrator confirms
	 * it; or, if urgent, enacts it at once and holds every matching request, in one
	 * transaction, flagged for review.
	 */
	@Transactional
	public ProposalOutcome propose(Pauses.PauseForm form, CurrentUser caller) {
		caller.require(form.isUrgent() ? Action.ENACT_URGENT_PAUSE : Action.PROPOSE_PAUSE);
		Pause drafted = this.pauses.draft(form);
		if (!form.isUrgent()) {
			return new Proposed(this.decisions.propose(drafted, caller).id());
		}
		Pause pause = this.decisions.enactUrgently(drafted, form.urgentReason(), caller);
		return new Enacted(pause.id(), holdMatching(pause, caller.actor()));
	}

	/**
	 * A second policy administrator confirms a proposed pause: it comes into force and
	 * every matching request is held, in one transaction.
	 */
	@Transactional
	public Enacted confirm(UUID pauseId, CurrentUser caller) {
		Pause pause = this.decisions.confirm(pauseId, caller);
		return new Enacted(pause.id(), holdMatching(pause, caller.actor()));
	}

	/** Holds the matching requests of every kind the pause covers. */
	private int holdMatching(Pause pause, Actor actor) {
		int held = pause.covers(PauseCovers.DATA_REQUESTS) ? this.holds.holdMatching(pause, actor) : 0;
		for (PausedRequests kind : this.otherKinds) {
			held += kind.holdMatching(pause, actor);
		}
		return held;
	}

	/**
	 * A second policy administrator confirms a proposed lifting (if the pause's
	 * assessment still permits it): the requests it held return to screening and are
	 * screened again, in one transaction.
	 */
	@Transactional
	public Released confirmLifting(UUID pauseId, CurrentUser caller) {
		PauseState.Lifting lifting = this.liftings.confirmLifting(pauseId, caller);
		Holds.Release release = new Holds.Release(caller.actor(), "Pause lifted: " + lifting.rationale());
		Map<String, Integer> outcomes = rescreen(this.holds.heldBy(pauseId), release);
		int otherReleased = 0;
		for (PausedRequests kind : this.otherKinds) {
			otherReleased += kind.release(pauseId, caller.actor(), lifting.rationale());
		}
		return new Released(pauseId, outcomes.values().stream().mapToInt(Integer::intValue).sum() + otherReleased,
				outcomes);
	}

	/**
	 * Throws unless the request may go to production now: the check every production path
	 * (release, job, download, CLI) makes at the moment it acts.
	 */
	@Transactional(readOnly = true)
	public void requireProductionAllowed(RequestId id) {
		RequestFacts facts = this.holds.facts(List.of(id.value())).get(id.value());
		PolicyOutcome outcome = JurisdictionPolicy.evaluate(facts, PauseStage.PRODUCTION, this.pauses.allInForce(),
				Set.of(), Instant.now(this.clock));
		if (outcome instanceof PolicyOutcome.Hold hold) {
			throw new ConflictException("Production is paused: " + hold.pause().officerMessage());
		}
	}

	/**
	 * The pauses in force now that catch the request (at any stage they stop): what the
	 * case page warns the reviewer of, since such a pause holds the outcome.
	 */
	@Transactional(readOnly = true)
	public List<Pause> inForceMatching(RequestId id) {
		RequestFacts facts = this.holds.facts(List.of(id.value())).get(id.value());
		Instant now = Instant.now(this.clock);
		return this.pauses.allInForce()
			.stream()
			.filter((pause) -> !pause.effectiveFrom().isAfter(now) && pause.matches(facts))
			.toList();
	}

	/** What jurisdiction policy says about one request at a stage now. */
	PolicyOutcome evaluate(RequestFacts facts, PauseStage stage) {
		return JurisdictionPolicy.evaluate(facts, stage, this.pauses.allInForce(), this.pauses.mlatOnly(),
				Instant.now(this.clock));
	}

	/**
	 * Releases held requests and screens them again, grouping them by outcome so that
	 * each group is released and moves on in one statement (each request still gets its
	 * {@code request.released} event and then its outcome's).
	 */
	private Map<String, Integer> rescreen(Map<UUID, RequestFacts> held, Holds.Release release) {
		List<Pause> inForce = this.pauses.allInForce();
		Set<Jurisdiction> mlatOnly = this.pauses.mlatOnly();
		Instant now = Instant.now(this.clock);
		Map<Pause, List<UUID>> stillHeld = new LinkedHashMap<>();
		Map<String, List<UUID>> mlat = new LinkedHashMap<>();
		List<UUID> review = new ArrayList<>();
		List<UUID> preserve = new ArrayList<>();
		held.forEach((id, facts) -> {
			PolicyOutcome outcome = JurisdictionPolicy.evaluate(facts, PauseStage.REVIEW, inForce, mlatOnly, now);
			if (outcome instanceof PolicyOutcome.Hold hold) {
				stillHeld.computeIfAbsent(hold.pause(), (pause) -> new ArrayList<>()).add(id);
			}
			else if (outcome instanceof PolicyOutcome.RequireMlat requireMlat) {
				mlat.computeIfAbsent(requireMlat.message(), (message) -> new ArrayList<>()).add(id);
			}
			else if (facts.type() == RequestType.PRESERVATION) {
				preserve.add(id);
			}
			else {
				review.add(id);
			}
		});
		Map<String, Integer> outcomes = new LinkedHashMap<>();
		stillHeld.forEach((pause, group) -> outcomes.merge("ON_HOLD",
				this.holds
					.release(release, group, CaseStatus.ON_HOLD, "request.held", Actor.SYSTEM, pause.officerMessage(),
							pause)
					.size(),
				Integer::sum));
		mlat.forEach((message, group) -> {
			List<UUID> moved = this.holds.release(release, group, CaseStatus.REJECTED, "request.mlat-required",
					Actor.SYSTEM, message, null);
			this.cases.insertPolicyDecisions(moved, Outcome.REQUIRE_MLAT, null, message);
			outcomes.merge("REJECTED", moved.size(), Integer::sum);
		});
		outcomes.put("IN_REVIEW",
				this.holds
					.release(release, review, CaseStatus.IN_REVIEW, "request.review-started", Actor.SYSTEM, null, null)
					.size());
		outcomes.put("PRESERVED",
				this.holds
					.release(release, preserve, CaseStatus.PRESERVED, "request.preserved", Actor.SYSTEM, null, null)
					.size());
		return outcomes;
	}

	/** What proposing a pause did. */
	public sealed interface ProposalOutcome permits Proposed, Enacted {

		UUID id();

	}

	/** Proposed: waits for a second policy administrator, holds nothing. */
	public record Proposed(UUID id, String status) implements ProposalOutcome {

		public Proposed(UUID id) {
			this(id, "PROPOSED");
		}

	}

	/** In force: {@code held} requests were put on hold. */
	public record Enacted(UUID id, int held) implements ProposalOutcome {

	}

	/**
	 * Lifted: {@code released} requests returned to screening, and where screening took
	 * them.
	 */
	public record Released(UUID id, int released, Map<String, Integer> outcomes) {

	}

}
