package org.custodian.identity.security;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.custodian.identity.SingleSignOnProperties;
import org.custodian.identity.StaffSingleSignOn;
import org.custodian.identity.StaffSingleSignOn.ProviderIdentity;
import org.custodian.identity.WebSessions;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After the provider's sign-in: the provider's user becomes a console session of the
 * staff member (their roles from their groups), or one that may only give its second
 * factor or enrol one, or is refused. The provider's token is not kept in the session.
 */
class SingleSignOnSuccess implements AuthenticationSuccessHandler {

	private final StaffSingleSignOn singleSignOn;

	private final SingleSignOnProperties properties;

	private final WebSessions sessions;

	SingleSignOnSuccess(StaffSingleSignOn singleSignOn, SingleSignOnProperties properties, WebSessions sessions) {
		this.singleSignOn = singleSignOn;
		this.properties = properties;
		this.sessions = sessions;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OidcUser user = (OidcUser) authentication.getPrincipal();
		StaffSingleSignOn.Result result = this.singleSignOn
			.signIn(new ProviderIdentity(String.valueOf(user.getIssuer()), user.getSubject(), user.getEmail(),
					Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName(),
					strings(user.getClaims().get(this.properties.groupsClaim())), strings(user.getClaims().get("amr")),
					user.getClaimAsString("acr")));
		switch (result.outcome()) {
			case SIGNED_IN -> {
				this.sessions.signIn(result.user(), true, request, response);
				response.sendRedirect(request.getContextPath() + "/console/cases");
			}
			case SECOND_FACTOR_REQUIRED -> {
				this.sessions.awaitSecondFactor(result.user(), request, response);
				response.sendRedirect(request.getContextPath() + "/console/second-factor");
			}
			case ENROLMENT_REQUIRED -> {
				this.sessions.signIn(result.user(), false, request, response);
				response.sendRedirect(request.getContextPath() + "/console/enrolment");
			}
			default -> {
				SecurityContextHolder.clearContext();
				if (request.getSession(false) != null) {
					request.getSession().invalidate();
				}
				response.sendRedirect(request.getContextPath() + "/console/login?ssoRefused");
			}
		}
	}

	private static List<String> strings(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (claim instanceof String value) ? List.of(value) : List.of();
	}

}
