package org.custodian.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

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

	/**
	 * The only authority of a staff member signed in at the identity provider whose
	 * second factor is still asked here.
	 */
	public static final String SECOND_FACTOR_STAFF = "SECOND_FACTOR_STAFF";

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	/**
	 * Starts the session of a user. A new session id is issued on every change of
	 * privilege, so an id planted before sign-in is worthless afterwards.
	 * @param user who signed in
	 * @param complete whether both factors were checked; if not, the session may only
	 * enrol a second factor
	 */
	public void signIn(CurrentUser user, boolean complete, HttpServletRequest request, HttpServletResponse response) {
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
		save(user, authorities, request, response);
	}

	/**
	 * A staff member signed in at the identity provider, whose session may only give the
	 * second factor.
	 */
	public void awaitSecondFactor(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		save(user, List.of(new SimpleGrantedAuthority(SECOND_FACTOR_STAFF)), request, response);
	}

	private void save(CurrentUser user, List<GrantedAuthority> authorities, HttpServletRequest request,
			HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

	/**
	 * Answers a sign-in attempt in either area: a signed-in user goes to the area's home,
	 * one without a second factor to enrolment, and anyone else back to the sign-in page
	 * with why (the same words for an unknown address, a wrong password or a wrong code).
	 * @param result the attempt's outcome
	 * @param area {@code portal} or {@code console}
	 * @param home the area's home path after sign-in
	 * @param email what was typed, shown again
	 * @param model the sign-in page's model
	 * @param request the request
	 * @param response the response
	 * @return the view or redirect
	 */
	public String answer(Logins.LoginResult result, String area, String home, String email, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		switch (result.outcome()) {
			case SIGNED_IN -> {
				signIn(result.user(), true, request, response);
				return "redirect:" + home;
			}
			case ENROLMENT_REQUIRED -> {
				signIn(result.user(), false, request, response);
				return "redirect:/" + area + "/enrolment";
			}
			case LOCKED -> {
				model.addAttribute("lockedUntil", result.lockedUntil());
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			}
			default -> {
				model.addAttribute("failed", true);
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
			}
		}
		model.addAttribute("email", email);
		return area + "/login";
	}

}
