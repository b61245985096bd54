package org.custodian.disclosure.web;

import java.util.UUID;

import org.custodian.disclosure.ProductionService;
import org.custodian.identity.CurrentUser;
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

/**
 * The production in the portal: why it is not released yet, and once it is, the encrypted
 * package and its passphrase, shown once, for the request's owner and the colleagues it
 * is delegated to; another agency's officer gets 404 and a colleague without access 403.
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

	@PostMapping("/portal/requests/{id}/production/passphrase")
	String passphrase(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer, Model model) {
		model.addAttribute("passphrase", this.productions.revealPassphrase(new RequestId(id), officer));
		model.addAttribute("id", id);
		return "portal/passphrase";
	}

}
