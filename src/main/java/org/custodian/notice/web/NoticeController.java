package org.custodian.notice.web;

import java.util.Map;
import java.util.UUID;

import org.custodian.notice.Notices;
import org.custodian.shared.RequestId;

import org.custodian.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff read what each targeted user was told, or why not.
 */
@RestController
class NoticeController {

	private final Notices notices;

	NoticeController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/api/v1/cases/{id}/notices")
	Map<String, Object> notices(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser staff) {
		return Map.of("notices", this.notices.of(new RequestId(id), staff));
	}

}
