package org.custodian.duediligence.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.duediligence.Assessments;
import org.custodian.duediligence.DueDiligenceDecision;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.ConflictException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
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
 * Due-diligence assessments in the console: the list, opening one, expert consultations,
 * the conclusion (findings per right, decision) and a second lead's sign-off. Any staff
 * member reads them; only human-rights leads change them (the security configuration and
 * the service both say so).
 */
@Controller
@BrowserPage
class ConsoleAssessmentController {

	private final Assessments assessments;

	ConsoleAssessmentController(Assessments assessments) {
		this.assessments = assessments;
	}

	@GetMapping("/console/assessments")
	String list(Model model) {
		return listPage(model, Map.of(), Map.of());
	}

	@PostMapping("/console/assessments")
	String open(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser lead, Model model,
			HttpServletResponse response) {
		try {
			UUID id = this.assessments.open(form.get("jurisdiction"), form.get("subject"), form.get("triggerDate"),
					lead);
			return "redirect:/console/assessments/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return listPage(model, FormErrors.of(ex), form);
		}
	}

	@GetMapping("/console/assessments/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser viewer, Model model) {
		return page(id, viewer, model, Map.of(), Map.of(), null);
	}

	@PostMapping("/console/assessments/{id}/consultations")
	String consult(@PathVariable UUID id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser lead, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return change(id, lead, model, response, redirect, form, "console.assessment.consulted",
				() -> this.assessments.consult(id, new Assessments.Consultation(form.get("expert"),
						form.get("organisation"), form.get("date"), form.get("summary")), lead));
	}

	@PostMapping("/console/assessments/{id}/conclusion")
	String conclude(@PathVariable UUID id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser lead, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, Map<String, String>> findings = new LinkedHashMap<>();
		for (String right : Assessments.RIGHTS) {
			Map<String, String> finding = new LinkedHashMap<>();
			finding.put("risk", form.get("findings." + right + ".risk"));
			finding.put("note", form.get("findings." + right + ".note"));
			findings.put(right, finding);
		}
		return change(id, lead, model, response, redirect, form, "console.assessment.concluded",
				() -> this.assessments.conclude(id, new Assessments.Conclusion(findings, form.get("decision"),
						form.get("rationale"), form.get("conditions")), lead));
	}

	@PostMapping("/console/assessments/{id}/sign-off")
	String signOff(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser lead, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return change(id, lead, model, response, redirect, Map.of(), "console.assessment.signedOff",
				() -> this.assessments.signOff(id, lead));
	}

	/**
	 * Runs one change: on success back to the page with a notice, on bad input the page
	 * with each problem at its field, on a refused step the page with the reason.
	 */
	private String change(UUID id, CurrentUser lead, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Map<String, String> form, String done, Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(id, lead, model, FormErrors.of(ex), form, null);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return page(id, lead, model, Map.of(), form, ex.getMessage());
		}
		redirect.addFlashAttribute("done", done);
		return "redirect:/console/assessments/" + id;
	}

	private String listPage(Model model, Map<String, String> errors, Map<String, String> typed) {
		model.addAttribute("assessments", this.assessments.list());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "console/assessments";
	}

	private String page(UUID id, CurrentUser viewer, Model model, Map<String, String> errors, Map<String, String> typed,
			String refused) {
		Map<String, Object> assessment = this.assessments.find(id)
			.orElseThrow(() -> new NotFoundException("No assessment with this id."));
		String status = (String) assessment.get("status");
		boolean concluded = "CONCLUDED".equals(status);
		boolean secondPerson = Assessments.maySignOff(assessment, viewer.id().toString());
		model.addAttribute("a", assessment);
		model.addAttribute("rights", Assessments.RIGHTS);
		model.addAttribute("risks", List.of("LOW", "MEDIUM", "HIGH", "SEVERE"));
		model.addAttribute("decisions", DueDiligenceDecision.values());
		// The forms from the table's rows, and the sign-off's four eyes as the use case
		// checks them.
		model.addAttribute("canChange", viewer.may(Action.RECORD_CONSULTATION) && "OPEN".equals(status));
		model.addAttribute("canSignOff", viewer.may(Action.SIGN_OFF_ASSESSMENT) && concluded && secondPerson);
		model.addAttribute("ownConclusion", viewer.may(Action.SIGN_OFF_ASSESSMENT) && concluded && !secondPerson);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("refused", refused);
		return "console/assessment";
	}

}
