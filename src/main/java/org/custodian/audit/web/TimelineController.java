package org.custodian.audit.web;

import java.util.List;
import java.util.UUID;

import org.custodian.audit.AuditLog;
import org.custodian.audit.AuditRecord;

import org.custodian.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's timeline, straight from the audit log (which nothing else may depend on).
 */
@RestController
class TimelineController {

	private final AuditLog log;

	TimelineController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/cases/{id}/timeline")
	List<AuditRecord> timeline(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return this.log.timeline("request", id.toString(), staff);
	}

}
