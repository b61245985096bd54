package org.custodian.transparency.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.web.BrowserPage;
import org.custodian.transparency.Period;
import org.custodian.transparency.PublishedReport;
import org.custodian.transparency.ReportPublications;
import org.custodian.transparency.ReportVerification;
import org.custodian.transparency.TransparencyReports;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signed reports in the console: a policy administrator publishes a half-year's report;
 * an auditor (or either administrator) verifies a publication against the audit log, as
 * {@code report verify} does.
 */
@Controller
@BrowserPage
class ConsoleTransparencyController {

	private final TransparencyReports reports;

	private final ReportPublications publications;

	ConsoleTransparencyController(TransparencyReports reports, ReportPublications publications) {
		this.reports = reports;
		this.publications = publications;
	}

	@GetMapping("/console/transparency")
	String page(Model model) {
		return page(model, null, null);
	}

	@PostMapping("/console/transparency/{period}/publications")
	String publish(@PathVariable String period, @AuthenticationPrincipal CurrentUser publisher,
			RedirectAttributes redirect) {
		PublishedReport published = this.publications.publish(Period.parse(period), publisher);
		redirect.addFlashAttribute("published", published.id().toString());
		return "redirect:/console/transparency";
	}

	@PostMapping("/console/transparency/publications/{id}/verification")
	String verify(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser auditor, Model model) {
		PublishedReport published = this.publications.find(id);
		return page(model, published, this.publications.verify(published, auditor));
	}

	private String page(Model model, PublishedReport verified, ReportVerification verification) {
		List<Period> periods = new ArrayList<>(this.reports.periods());
		Collections.reverse(periods);
		model.addAttribute("periods", periods);
		model.addAttribute("publications", this.publications.all());
		model.addAttribute("verified", verified);
		model.addAttribute("verification", verification);
		return "console/transparency";
	}

}
