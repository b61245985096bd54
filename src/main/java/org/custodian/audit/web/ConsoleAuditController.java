package org.custodian.audit.web;

import java.util.Locale;
import java.util.UUID;

import org.custodian.audit.AuditLog;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.web.BrowserPage;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's view of the audit log: a case's timeline (loaded into the case page) and
 * the verification of the whole chain.
 */
@Controller
@BrowserPage
class ConsoleAuditController {

	private final AuditLog log;

	private final TimelineLines lines;

	ConsoleAuditController(AuditLog log, TimelineLines lines) {
		this.log = log;
		this.lines = lines;
	}

	@GetMapping("/console/cases/{id}/timeline")
	String timeline(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff, Locale locale, Model model) {
		model.addAttribute("events", this.lines.of(this.log.timeline("request", id.toString(), staff), locale));
		return "console/timeline :: timeline";
	}

	@GetMapping("/console/audit")
	String audit() {
		return "console/audit";
	}

	@PostMapping("/console/audit/verification")
	String verify(@AuthenticationPrincipal CurrentUser auditor, Model model) {
		model.addAttribute("verification", this.log.verify(auditor));
		return "console/audit";
	}

}
