package org.custodian.review.web;

import java.time.Clock;
import java.time.Instant;
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
import org.custodian.policy.PauseDecisions;
import org.custodian.policy.PauseLiftings;
import org.custodian.policy.PauseMatch;
import org.custodian.policy.PauseCovers;
import org.custodian.policy.PauseScope;
import org.custodian.policy.PauseState;
import org.custodian.policy.PauseStatus;
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
 * Jurisdiction pauses in the console: what-if preview before proposing, proposals for a
 * second policy administrator to confirm (or an urgent pause enacted at once and reviewed
 * afterwards), the pauses in force, lifting in two steps.
 */
@Controller
@BrowserPage
class ConsolePauseController {

	private final PauseEnforcement enforcement;

	private final Pauses pauses;

	private final RiskLevels risks;

	private final Assessments assessments;

	private final PauseDecisions decisions;

	private final PauseLiftings liftings;

	private final Clock clock;

	ConsolePauseController(PauseEnforcement enforcement, PauseDecisions decisions, PauseLiftings liftings,
			Pauses pauses, RiskLevels risks, Assessments assessments, Clock clock) {
		this.enforcement = enforcement;
		this.decisions = decisions;
		this.liftings = liftings;
		this.clock = clock;
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
			@RequestParam(name = "covers", required = false) List<String> covers,
			@AuthenticationPrincipal CurrentUser admin, Model model, HttpServletResponse response) {
		model.addAttribute("covers", (covers != null) ? covers : List.of());
		try {
			return page(model, Map.of(), form, stages,
					this.enforcement.preview(pauseForm(form, stages, covers), admin));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, FormErrors.of(ex), form, stages, null);
		}
	}

	/**
	 * Proposes the previewed pause for a second policy administrator to confirm, or
	 * enacts it at once if marked urgent with a reason.
	 */
	@PostMapping("/console/policy/pauses")
	String propose(@RequestParam Map<String, String> form,
			@RequestParam(name = "stages", required = false) List<String> stages,
			@RequestParam(name = "covers", required = false) List<String> covers,
			@AuthenticationPrincipal CurrentUser admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		model.addAttribute("covers", (covers != null) ? covers : List.of());
		try {
			PauseEnforcement.ProposalOutcome outcome = this.enforcement.propose(pauseForm(form, stages, covers), admin);
			if (outcome instanceof PauseEnforcement.Enacted enacted) {
				redirect.addFlashAttribute("held", enacted.held());
				redirect.addFlashAttribute("urgent", true);
			}
			else {
				redirect.addFlashAttribute("proposed", true);
			}
			return "redirect:/console/policy/pauses";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, FormErrors.of(ex), form, stages, null);
		}
	}

	@PostMapping("/console/policy/pauses/{id}/confirmation")
	String confirm(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return step(redirect, () -> redirect.addFlashAttribute("held", this.enforcement.confirm(id, admin).held()));
	}

	@PostMapping("/console/policy/pauses/{id}/review")
	String review(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return step(redirect, () -> {
			this.decisions.review(id, note, admin);
			redirect.addFlashAttribute("reviewed", true);
		});
	}

	@PostMapping("/console/policy/pauses/{id}/rejection")
	String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return step(redirect,
				() -> redirect.addFlashAttribute("declined", this.decisions.decline(id, reason, admin).name()));
	}

	@PostMapping("/console/policy/pauses/{id}/lifting")
	String proposeLifting(@PathVariable UUID id, @RequestParam(defaultValue = "") String rationale,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return step(redirect, () -> {
			this.liftings.proposeLifting(id, rationale, admin);
			redirect.addFlashAttribute("liftingProposed", true);
		});
	}

	@PostMapping("/console/policy/pauses/{id}/lifting/confirmation")
	String confirmLifting(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser admin,
			RedirectAttributes redirect) {
		return step(redirect,
				() -> redirect.addFlashAttribute("released", this.enforcement.confirmLifting(id, admin).released()));
	}

	@PostMapping("/console/policy/pauses/{id}/lifting/rejection")
	String declineLifting(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
		return step(redirect, () -> {
			this.liftings.declineLifting(id, reason, admin);
			redirect.addFlashAttribute("declined", "LIFTING");
		});
	}

	/** One four-eyes step; a refusal by state or input is shown on the page. */
	private static String step(RedirectAttributes redirect, Runnable step) {
		try {
			step.run();
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage().replace("Invalid input: ", ""));
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

	private static Pauses.PauseForm pauseForm(Map<String, String> form, List<String> stages, List<String> covers) {
		return new Pauses.PauseForm(form.get("jurisdiction"), form.get("match"), (stages != null) ? stages : List.of(),
				form.get("appliesTo"), blankToNull(form.get("effectiveFrom")), form.get("reason"),
				blankToNull(form.get("assessmentId")), blankToNull(form.get("liftingCondition")),
				form.containsKey("exceptEmergencies"), form.containsKey("urgent"),
				blankToNull(form.get("urgentReason")), covers);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private String page(Model model, Map<String, String> errors, Map<String, String> typed, List<String> stages,
			Map<String, Object> preview) {
		List<PauseState> open = this.decisions.open();
		Map<UUID, String> assessmentStatus = new HashMap<>();
		open.stream()
			.map((state) -> state.pause().assessmentId())
			.filter(Objects::nonNull)
			.forEach((id) -> this.assessments.find(id)
				.ifPresent((found) -> assessmentStatus.put(id, (String) found.get("status"))));
		model.addAttribute("proposals",
				open.stream().filter((state) -> state.status() == PauseStatus.PROPOSED).toList());
		model.addAttribute("pauses", open.stream().filter((state) -> state.status() == PauseStatus.IN_FORCE).toList());
		model.addAttribute("now", Instant.now(this.clock));
		model.addAttribute("assessmentStatus", assessmentStatus);
		model.addAttribute("matches", PauseMatch.values());
		model.addAttribute("scopes", PauseScope.values());
		model.addAttribute("kinds", PauseCovers.values());
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
