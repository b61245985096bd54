package org.custodian.policy.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.identity.CurrentUser;
import org.custodian.duediligence.RiskLevels;
import org.custodian.policy.LegalTierPolicy;
import org.custodian.policy.PauseDecisions;
import org.custodian.policy.PauseStatus;
import org.custodian.policy.Pauses;
import org.custodian.policy.TierRules;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jurisdictions/{code}")
class JurisdictionPolicyController {

	private final LegalTierPolicy tiers;

	private final Pauses pauses;

	private final RiskLevels risks;

	private final PauseDecisions decisions;

	private final Clock clock;

	JurisdictionPolicyController(LegalTierPolicy tiers, Pauses pauses, RiskLevels risks, PauseDecisions decisions,
			Clock clock) {
		this.tiers = tiers;
		this.pauses = pauses;
		this.risks = risks;
		this.decisions = decisions;
		this.clock = clock;
	}

	/**
	 * Everything in force for the jurisdiction: pauses (an urgent one with its review,
	 * one with a lifting waiting for confirmation), past ones, proposed ones (holding
	 * nothing), MLAT-only, risk, tiers.
	 */
	@GetMapping("/policy")
	Map<String, Object> policy(@PathVariable String code) {
		Jurisdiction jurisdiction = jurisdiction(code);
		Map<String, Object> view = view(jurisdiction, this.tiers.rulesFor(jurisdiction));
		List<Map<String, Object>> history = this.pauses.history(jurisdiction);
		view.put("pauses", history.stream().filter((pause) -> pause.get("liftedAt") == null).toList());
		view.put("liftedPauses", history.stream().filter((pause) -> pause.get("liftedAt") != null).toList());
		Instant now = Instant.now(this.clock);
		view.put("proposedPauses",
				this.decisions.of(jurisdiction)
					.stream()
					.filter((state) -> state.status() == PauseStatus.PROPOSED)
					.map((state) -> Pauses.view(state, now))
					.toList());
		view.put("mlatOnly", this.pauses.mlatOnlyRule(jurisdiction).orElse(null));
		view.put("riskLevel", this.risks.of(jurisdiction).name());
		return view;
	}

	@PutMapping("/mlat-only")
	Map<String, Object> mlatOnly(@PathVariable String code, @RequestBody MlatOnlyBody body,
			@AuthenticationPrincipal CurrentUser admin) {
		Jurisdiction jurisdiction = jurisdiction(code);
		this.pauses.setMlatOnly(jurisdiction, body.enabled(), body.reason(), admin);
		return policy(code);
	}

	@PutMapping("/legal-tiers/{instrument}")
	Map<String, Object> override(@PathVariable String code, @PathVariable String instrument,
			@RequestBody CategoriesBody body, @AuthenticationPrincipal CurrentUser admin) {
		Jurisdiction jurisdiction = jurisdiction(code);
		return view(jurisdiction, this.tiers.override(jurisdiction, instrument, body.categories(), admin));
	}

	private static Jurisdiction jurisdiction(String code) {
		if (!Jurisdiction.isValid(code)) {
			throw new InvalidInputException("code", "must be an ISO 3166-1 alpha-2 code such as HK");
		}
		return Jurisdiction.of(code);
	}

	private static Map<String, Object> view(Jurisdiction jurisdiction, TierRules rules) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("jurisdiction", jurisdiction.code());
		view.put("home", rules.home().code());
		view.put("foreignContentRequiresMlat", rules.foreignContentRequiresMlat());
		view.put("legalTiers", rules.compels());
		return view;
	}

	record CategoriesBody(List<String> categories) {
	}

	record MlatOnlyBody(Boolean enabled, String reason) {
	}

}
