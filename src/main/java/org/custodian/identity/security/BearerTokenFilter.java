package org.custodian.identity.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.custodian.identity.ApiTokens;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.IdentityEvents.TokenUsedForWrite;
import org.custodian.shared.PendingAuditEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A token that is present but
 * unknown or revoked is refused outright; every write made with a token is recorded in
 * the audit log, with the change it made when it made one.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");

	private final ApiTokens tokens;

	private final ApplicationEventPublisher events;

	private final ProblemResponses problems;

	BearerTokenFilter(ApiTokens tokens, ApplicationEventPublisher events, ProblemResponses problems) {
		this.tokens = tokens;
		this.events = events;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiTokens.Authenticated> authenticated = this.tokens.authenticate(header.substring(7).trim());
		if (authenticated.isEmpty()) {
			this.problems.unauthorized(response);
			return;
		}
		CurrentUser user = authenticated.get().user();
		List<SimpleGrantedAuthority> authorities = user.isOfficer()
				? List.of(new SimpleGrantedAuthority("ROLE_OFFICER"))
				: user.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		if (READS.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		// Recorded in the transaction of the change it authorised (first in it), or on
		// its
		// own if the request changed nothing (refused, failed, or nothing to do).
		PendingAuditEvent.hold(new TokenUsedForWrite(user.actor(), authenticated.get().tokenId().toString(),
				request.getMethod(), request.getRequestURI()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			PendingAuditEvent.take().ifPresent(this.events::publishEvent);
		}
	}

}
