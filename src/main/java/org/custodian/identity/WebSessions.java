package org.custodian.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a signed-in user into the browser session of the portal or the console.
 */
@Component
public class WebSessions {

	/**
	 * The only authority of a staff member who has a password but no second factor yet.
	 */
	public static final String ENROL_STAFF = "ENROL_STAFF";

	/** The same for an officer. */
	public static final String ENROL_OFFICER = "ENROL_OFFICER";

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	/**
	 * Starts the session of a user. A new session id is issued on every change of
	 * privilege, so an id planted before sign-in is worthless afterwards.
	 * @param user who signed in
	 * @param complete whether both factors were checked; if not, the session may only
	 * enrol a second factor
	 */
	public void signIn(CurrentUser user, boolean complete, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		List<GrantedAuthority> authorities;
		if (!complete) {
			authorities = List.of(new SimpleGrantedAuthority(user.isStaff() ? ENROL_STAFF : ENROL_OFFICER));
		}
		else if (user.isOfficer()) {
			authorities = List.of(new SimpleGrantedAuthority("ROLE_OFFICER"));
		}
		else {
			authorities = user.roles()
				.stream()
				.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
				.toList();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
