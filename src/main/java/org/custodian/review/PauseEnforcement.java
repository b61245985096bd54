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
import org.custodian.policy.PauseStage;
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
 * Applies jurisdiction pauses to requests: the what-if preview, enactment (every matching
 * request held in one statement), lifting (held requests back to screening, then screened
 * again: nothing is approved by a lifting), and the production gate that no path around
 * it can pass.
 */
@Service
public class PauseEnforcement {

	private final Pauses pauses;

	private final Holds holds;

	private final Cases cases;

	private final Clock clock;

	PauseEnforcement(Pauses pauses, Holds holds, Cases cases, Clock clock) {
		this.pauses = pauses;
		this.holds = holds;
		this.cases = cases;
		this.clock = clock;
	}

	/** What enacting the pause would hold, changing nothing. */
	@Transactional(readOnly = true)
	public Map<String, Object> preview(Pauses.PauseForm form, CurrentUser caller) {
		caller.require(Action.PREVIEW_PAUSE);
		Holds.Preview preview = this.holds.preview(this.pauses.draft(form));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("affected", preview.affected());
		result.put("byStatus", preview.byStatus());
		result.put("caseNumbers", preview.caseNumbers());
		return result;
	}

	/** Enacts the pause and holds every matching request, in one transaction. */
	@Transactional
	public Map<String, Object> enact(Pauses.PauseForm form, CurrentUser caller) {
		Actor actor = caller.require(Action.PROPOSE_PAUSE).actor();
		Pause pause = this.pauses.enact(this.pauses.draft(form), actor);
		int held = this.holds.holdMatching(pause, actor);
		return Map.of("id", pause.id(), "held", held);
	}

	/**
	 * Lifts the pause (if its assessment permits) and screens the requests it held again.
	 */
	@Transactional
	public Map<String, Object> lift(UUID pauseId, String rationale, CurrentUser caller) {
		Actor actor = caller.require(Action.PROPOSE_LIFTING).actor();
		Pause pause = this.pauses.lift(pauseId, rationale, actor);
		List<UUID> released = this.holds.move(this.holds.heldBy(pause.id()), CaseStatus.ON_HOLD, CaseStatus.SCREENING,
				"request.released", actor, "Pause lifted: " + rationale, null);
		Map<String, Integer> outcomes = rescreen(released);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", pauseId);
		result.put("released", released.size());
		result.put("outcomes", outcomes);
		return result;
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

	/** What jurisdiction policy says about one request at a stage now. */
	PolicyOutcome evaluate(RequestFacts facts, PauseStage stage) {
		return JurisdictionPolicy.evaluate(facts, stage, this.pauses.allInForce(), this.pauses.mlatOnly(),
				Instant.now(this.clock));
	}

	/**
	 * Screens requests that are at SCREENING again, grouping them by outcome so that each
	 * group moves in one statement.
	 */
	private Map<String, Integer> rescreen(List<UUID> ids) {
		List<Pause> inForce = this.pauses.allInForce();
		Set<Jurisdiction> mlatOnly = this.pauses.mlatOnly();
		Instant now = Instant.now(this.clock);
		Map<Pause, List<UUID>> held = new LinkedHashMap<>();
		Map<String, List<UUID>> mlat = new LinkedHashMap<>();
		List<UUID> review = new ArrayList<>();
		List<UUID> preserve = new ArrayList<>();
		this.holds.facts(ids).forEach((id, facts) -> {
			PolicyOutcome outcome = JurisdictionPolicy.evaluate(facts, PauseStage.REVIEW, inForce, mlatOnly, now);
			if (outcome instanceof PolicyOutcome.Hold hold) {
				held.computeIfAbsent(hold.pause(), (pause) -> new ArrayList<>()).add(id);
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
		held.forEach((pause, group) -> outcomes.merge("ON_HOLD",
				this.holds
					.move(group, CaseStatus.SCREENING, CaseStatus.ON_HOLD, "request.held", Actor.SYSTEM,
							pause.officerMessage(), pause)
					.size(),
				Integer::sum));
		mlat.forEach((message, group) -> {
			List<UUID> moved = this.holds.move(group, CaseStatus.SCREENING, CaseStatus.REJECTED,
					"request.mlat-required", Actor.SYSTEM, message, null);
			this.cases.insertPolicyDecisions(moved, Outcome.REQUIRE_MLAT, null, message);
			outcomes.merge("REJECTED", moved.size(), Integer::sum);
		});
		outcomes.put("IN_REVIEW",
				this.holds
					.move(review, CaseStatus.SCREENING, CaseStatus.IN_REVIEW, "request.review-started", Actor.SYSTEM,
							null, null)
					.size());
		outcomes.put("PRESERVED",
				this.holds
					.move(preserve, CaseStatus.SCREENING, CaseStatus.PRESERVED, "request.preserved", Actor.SYSTEM, null,
							null)
					.size());
		return outcomes;
	}

}
