package org.custodian.disclosure.web;

import java.util.UUID;

import org.custodian.disclosure.ProductionService;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.ConflictException;
import org.custodian.shared.RequestId;
import org.custodian.shared.web.BrowserPage;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The production in the portal: why it is not released yet, and once it is, the encrypted
 * package and its passphrase, shown once (and re-issued, under a package built again),
 * for the request's owner and the colleagues it is delegated to; another agency's officer
 * gets 404 and a colleague without access 403.
 */
@Controller
@BrowserPage
class PortalProductionController {

	private final ProductionService productions;

	PortalProductionController(ProductionService productions) {
		this.productions = productions;
	}

	@GetMapping("/portal/requests/{id}/production")
	ResponseEntity<Resource> download(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer) {
		return PackageResponse.of(this.productions.download(new RequestId(id), officer));
	}

	/** Why an approved request's data is not released yet (loaded into its page). */
	@GetMapping("/portal/requests/{id}/release")
	String release(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, Model model) {
		model.addAttribute("safeguards",
				this.productions.release(new RequestId(id), officer)
					.unmet()
					.stream()
					.map((unmet) -> unmet.safeguard())
					.toList());
		return "portal/release :: release";
	}

	/**
	 * The production on the request's page (loaded into it): expiry, passphrase,
	 * downloads.
	 */
	@GetMapping("/portal/requests/{id}/production/panel")
	String panel(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, Model model) {
		model.addAttribute("panel", this.productions.officerPanel(new RequestId(id), officer));
		model.addAttribute("id", id);
		return "portal/production :: production";
	}

	@PostMapping("/portal/requests/{id}/production/passphrase")
	String passphrase(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, Model model,
			RedirectAttributes redirect) {
		String passphrase;
		try {
			passphrase = this.productions.revealPassphrase(new RequestId(id), officer);
		}
		catch (ConflictException ex) {
			// Shown already (another tab, the back button): the page offers a new one.
			if (!this.productions.officerPanel(new RequestId(id), officer).passphraseShown()) {
				throw ex;
			}
			redirect.addFlashAttribute("done", "portal.production.alreadyShown");
			return "redirect:/portal/requests/" + id;
		}
		model.addAttribute("passphrase", passphrase);
		model.addAttribute("id", id);
		return "portal/passphrase";
	}

	@PostMapping("/portal/requests/{id}/production/passphrase/reissue")
	String reissue(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, RedirectAttributes redirect) {
		this.productions.reissuePassphrase(new RequestId(id), officer);
		redirect.addFlashAttribute("done", "portal.production.reissueRequested");
		return "redirect:/portal/requests/" + id;
	}

}
