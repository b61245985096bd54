package org.custodian.transparency.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.shared.web.BrowserPage;
import org.custodian.shared.ConflictException;
import org.custodian.transparency.Period;
import org.custodian.transparency.PublicationProposals;
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
 * Signed reports in the console: a policy administrator proposes publishing a half-year's
 * report and a second one confirms (which computes, signs and publishes it); an auditor
 * (or either administrator) verifies a publication against the audit log, as
 * {@code report verify} does.
 */
@Controller
@BrowserPage
class ConsoleTransparencyController {

	private final TransparencyReports reports;

	private final ReportPublications publications;

	private final PublicationProposals proposals;

	ConsoleTransparencyController(TransparencyReports reports, ReportPublications publications,
			PublicationProposals proposals) {
		this.reports = reports;
		this.publications = publications;
		this.proposals = proposals;
	}

	@GetMapping("/console/transparency")
	String page(Model model) {
		return page(model, null, null);
	}

	@PostMapping("/console/transparency/{period}/publications")
	String propose(@PathVariable String period, @AuthenticationPrincipal CurrentUser publisher,
			RedirectAttributes redirect) {
		PublicationProposals.Proposal proposal = this.proposals.propose(Period.parse(period), publisher);
		redirect.addFlashAttribute("proposed", proposal.period().toString());
		return "redirect:/console/transparency";
	}

	@PostMapping("/console/transparency/{period}/publications/{id}/confirmation")
	String confirm(@PathVariable String period, @PathVariable UUID id, @AuthenticationPrincipal CurrentUser publisher,
			RedirectAttributes redirect) {
		return step(redirect, () -> redirect.addFlashAttribute("published",
				this.proposals.confirm(Period.parse(period), id, publisher).id().toString()));
	}

	@PostMapping("/console/transparency/{period}/publications/{id}/rejection")
	String decline(@PathVariable String period, @PathVariable UUID id, @AuthenticationPrincipal CurrentUser publisher,
			RedirectAttributes redirect) {
		return step(redirect, () -> redirect.addFlashAttribute("declined",
				this.proposals.decline(Period.parse(period), id, null, publisher).status()));
	}

	/**
	 * One four-eyes step; a proposal someone else closed first is shown, not an error
	 * page.
	 */
	private static String step(RedirectAttributes redirect, Runnable step) {
		try {
			step.run();
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("refused", ex.getMessage());
		}
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
		model.addAttribute("proposals", this.proposals.open());
		model.addAttribute("verified", verified);
		model.addAttribute("verification", verification);
		return "console/transparency";
	}

}
