package org.custodian.agency.web;

import java.io.StringReader;
import java.util.Map;

import org.custodian.agency.Sanctions;
import org.custodian.identity.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sanctions/lists")
class SanctionsController {

	private final Sanctions sanctions;

	SanctionsController(Sanctions sanctions) {
		this.sanctions = sanctions;
	}

	/** The list as CSV in the body ({@code Content-Type: text/csv}). */
	@PostMapping(consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> importList(@RequestBody String csv, @RequestParam(defaultValue = "upload") String source,
			@AuthenticationPrincipal CurrentUser admin) {
		int entries = this.sanctions.importList(new StringReader(csv), source, admin);
		return Map.of("source", source, "entries", entries);
	}

	@GetMapping
	Map<String, Object> current() {
		return this.sanctions.summary();
	}

}
