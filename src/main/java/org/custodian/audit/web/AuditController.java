package org.custodian.audit.web;

import org.custodian.audit.AuditLog;
import org.custodian.audit.Verification;
import org.custodian.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/verification")
	Verification verification(@AuthenticationPrincipal CurrentUser auditor) {
		return this.log.verify(auditor);
	}

}
