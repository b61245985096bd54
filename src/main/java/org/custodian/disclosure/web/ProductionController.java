package org.custodian.disclosure.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.disclosure.ProductionService;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.RequestId;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The officer's side of a production: the encrypted package (streamed from storage) and
 * its passphrase, shown once.
 */
@RestController
@RequestMapping("/api/v1/requests/{id}/production")
class ProductionController {

	private final ProductionService productions;

	ProductionController(ProductionService productions) {
		this.productions = productions;
	}

	@GetMapping
	ResponseEntity<Resource> download(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer) {
		return PackageResponse.of(this.productions.download(new RequestId(id), officer));
	}

	@PostMapping("/passphrase")
	Map<String, Object> passphrase(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser officer) {
		return Map.of("passphrase", this.productions.revealPassphrase(new RequestId(id), officer), "note",
				"Shown once: store it safely. The platform keeps only its hash.");
	}

}
