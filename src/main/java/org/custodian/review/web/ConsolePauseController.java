package org.custodian.review.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.duediligence.Assessments;
import org.custodian.duediligence.RiskLevel;
import org.custodian.duediligence.RiskLevels;
import org.custodian.identity.CurrentUser;
import org.custodian.policy.Pause;
import org.custodian.policy.PauseMatch;
import org.custodian.policy.PauseScope;
import org.custodian.policy.Pauses;
import org.custodian.review.PauseEnforcement;
import org.custodian.shared.ConflictException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Jurisdiction pauses in the console: what-if preview before enacting, the pauses in
 * force, lifting.
 */
@Controller
@BrowserPage
class ConsolePauseController {

	private final PauseEnforcement enforcement;

	private final Pauses pauses;

	private final RiskLevels risks;

	private final Assessments assessments;

	ConsolePauseController(PauseEnforcement enforcement, Pauses pauses, RiskLevels risks, Assessments assessments) {
		this.enforcement = enforcement;
		this.pauses = pauses;
		this.risks = risks;
		this.assessments = assessments;
	}

	@GetMapping("/console/policy/pauses")
	String list(Model model) {
		return page(model, Map.of(), Map.of(), List.of("REVIEW"), null);
	}

	@PostMapping("/console/policy/pauses/preview")
	String preview(@RequestParam Map<String, String> form,
			@RequestParam(name = "stages", required = false) List<String> stages,
			@AuthenticationPrincipal CurrentUser admin, Model model, HttpServletResponse response) {
		try {
			return page(model, Map.of(), form, stages, this.enforcement.preview(pauseForm(form, stages), admin));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, FormErrors.of(ex), form, stages, null);
		}
	}

	@PostMapping("/console/policy/pauses")
	String enact(@RequestParam Map<String, String> form,
			@RequestParam(name = "stages", required = false) List<String> stages,
			@AuthenticationPrincipal CurrentUser admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Map<String, Object> enacted = this.enforcement.enact(pauseForm(form, stages), admin);
			redirect.addFlashAttribute("held", enacted.get("held"));
			return "redirect:/console/policy/pauses";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, FormErrors.of(ex), form, stages, null);
		}
	}

	@PostMapping("/console/policy/pauses/{id}/lifting")
	String lift(@PathVariable UUID id, @RequestParam(defaultValue = "") String rationale,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		try {
			Map<String, Object> lifted = this.enforcement.lift(id, rationale, admin);
			redirect.addFlashAttribute("released", lifted.get("released"));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("refused", "A rationale is required to lift a pause.");
		}
		return "redirect:/console/policy/pauses";
	}

	/**
	 * Answers a jurisdiction's legal process only through the MLAT route, or stops doing
	 * so.
	 */
	@PostMapping("/console/policy/mlat-only")
	String mlatOnly(@RequestParam(defaultValue = "") String jurisdiction,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return rule(redirect, () -> this.pauses.setMlatOnly(jurisdiction(jurisdiction), enabled, reason, admin));
	}

	/** Sets a jurisdiction's human-rights risk level. */
	@PostMapping("/console/policy/risk")
	String risk(@RequestParam(defaultValue = "") String jurisdiction, @RequestParam(defaultValue = "") String level,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		return rule(redirect, () -> this.risks.set(jurisdiction(jurisdiction), level, reason, admin));
	}

	private static String rule(RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("ruleSaved", true);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage().replace("Invalid input: ", ""));
		}
		return "redirect:/console/policy/pauses";
	}

	private static Jurisdiction jurisdiction(String code) {
		if (!Jurisdiction.isValid(code)) {
			throw new InvalidInputException("jurisdiction", "must be an ISO 3166-1 alpha-2 code such as HK");
		}
		return Jurisdiction.of(code);
	}

	private static Pauses.PauseForm pauseForm(Map<String, String> form, List<String> stages) {
		return new Pauses.PauseForm(form.get("jurisdiction"), form.get("match"), (stages != null) ? stages : List.of(),
				form.get("appliesTo"), blankToNull(form.get("effectiveFrom")), form.get("reason"),
				blankToNull(form.get("assessmentId")), blankToNull(form.get("liftingCondition")),
				form.containsKey("exceptEmergencies"));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private String page(Model model, Map<String, String> errors, Map<String, String> typed, List<String> stages,
			Map<String, Object> preview) {
		List<Pause> inForce = this.pauses.allInForce();
		Map<UUID, String> assessmentStatus = new HashMap<>();
		inForce.stream()
			.map(Pause::assessmentId)
			.filter(Objects::nonNull)
			.forEach((id) -> this.assessments.find(id)
				.ifPresent((found) -> assessmentStatus.put(id, (String) found.get("status"))));
		model.addAttribute("pauses", inForce);
		model.addAttribute("assessmentStatus", assessmentStatus);
		model.addAttribute("matches", PauseMatch.values());
		model.addAttribute("scopes", PauseScope.values());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("stages", (stages != null) ? stages : List.of());
		model.addAttribute("preview", preview);
		model.addAttribute("mlatOnly", this.pauses.mlatOnlyRules());
		model.addAttribute("riskLevels", this.risks.all());
		model.addAttribute("levels", RiskLevel.values());
		return "console/pauses";
	}

}
