package org.custodian.identity.web;

import org.custodian.identity.CurrentUser;
import org.custodian.identity.WebSessions;
import org.custodian.shared.web.BrowserPage;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page who is looking: the signed-in user (or null) and whether the sign-in
 * is complete, for the header's navigation.
 */
@ControllerAdvice(annotations = BrowserPage.class)
class ViewerAdvice {

	@ModelAttribute("viewer")
	CurrentUser viewer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? user : null;
	}

	@ModelAttribute("viewerSignedIn")
	boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser
				&& authentication.getAuthorities()
					.stream()
					.noneMatch((authority) -> WebSessions.ENROL_OFFICER.equals(authority.getAuthority())
							|| WebSessions.ENROL_STAFF.equals(authority.getAuthority()));
	}

}
