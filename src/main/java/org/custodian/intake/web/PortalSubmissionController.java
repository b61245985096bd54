package org.custodian.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.CurrentUser;
import org.custodian.intake.IntakeService;
import org.custodian.intake.IntakeService.Upload;
import org.custodian.intake.Receipt;
import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.RequestType;
import org.custodian.shared.TargetKind;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.web.FormErrors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's submission form: the same checks as the API, each problem shown next to
 * its field with everything typed kept.
 */
@Controller
@BrowserPage
class PortalSubmissionController {

	private static final int BLANK_ROWS = 2;

	private final IntakeService intake;

	PortalSubmissionController(IntakeService intake) {
		this.intake = intake;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("types", RequestType.values());
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("targetKinds", TargetKind.values());
		model.addAttribute("categoryChoices", DataCategory.values());
	}

	@GetMapping("/portal/requests/new")
	String form(Model model) {
		PortalSubmissionForm form = new PortalSubmissionForm();
		form.setIdempotencyKey(UUID.randomUUID().toString());
		form.pad(BLANK_ROWS);
		model.addAttribute("form", form);
		model.addAttribute("errors", Map.of());
		return "portal/submit";
	}

	/**
	 * One more row of identifiers, for htmx (the button then asks for the next index).
	 */
	@GetMapping("/portal/requests/new/target")
	String targetRow(@RequestParam int index, Model model) {
		model.addAttribute("index", Math.max(0, Math.min(index, 999)));
		model.addAttribute("errors", Map.of());
		return "portal/target-added";
	}

	@PostMapping("/portal/requests")
	String submit(@ModelAttribute("form") PortalSubmissionForm form,
			@RequestParam(name = "document", required = false) MultipartFile document,
			@AuthenticationPrincipal CurrentUser officer, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		form.compact();
		Receipt receipt;
		try {
			receipt = this.intake.submit(officer, form.toSubmission(), upload(document), form.getIdempotencyKey());
		}
		catch (InvalidInputException ex) {
			form.pad(form.getTargets().size() + 1);
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("documentLost", document != null && !document.isEmpty());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "portal/submit";
		}
		redirect.addFlashAttribute("submitted", receipt.caseNumber());
		return "redirect:/portal/requests/" + receipt.id();
	}

	private static Upload upload(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return new Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
