package org.custodian.identity.web;

import org.custodian.identity.Action;
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

	/** The viewer's role names, to offer only the pages they may open. */
	@ModelAttribute("viewerRoles")
	java.util.Set<String> roles() {
		CurrentUser user = viewer();
		return (user != null) ? user.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet())
				: java.util.Set.of();
	}

	/**
	 * Which rows of the authorization table admit the viewer (relationships aside), by
	 * name: the navigation and the page-wide forms are offered from this, not from role
	 * names of their own.
	 */
	@ModelAttribute("viewerMay")
	java.util.Map<String, Boolean> may() {
		CurrentUser user = viewer();
		java.util.Map<String, Boolean> may = new java.util.HashMap<>();
		for (Action action : Action.values()) {
			may.put(action.name(), action.admits(user));
		}
		return may;
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
