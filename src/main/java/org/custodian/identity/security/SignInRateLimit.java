package org.custodian.identity.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Limits how often one network address may try to sign in or register, on this node: a
 * brake on password spraying across many addresses, which the per-address lockout cannot
 * see. The lockout (in the database) is the cluster-wide control; this one is a first
 * line.
 */
class SignInRateLimit extends OncePerRequestFilter {

	static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Set<String> GUARDED = Set.of("/portal/login", "/console/login", "/portal/register",
			"/console/second-factor");

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final int limit;

	private final Clock clock;

	private final MessageSource messages;

	SignInRateLimit(int limit, Clock clock, MessageSource messages) {
		this.limit = limit;
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !GUARDED.contains(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!allow(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
			response.setContentType("text/html;charset=UTF-8");
			String text = HtmlUtils
				.htmlEscape(this.messages.getMessage("login.rateLimited", null, request.getLocale()));
			response.getWriter()
				.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>429</title>"
						+ "<link rel=\"stylesheet\" href=\"/css/custodian.css\"></head><body><main class=\"page page-narrow\">"
						+ "<p class=\"error-summary\" role=\"alert\">" + text + "</p></main></body></html>");
			return;
		}
		chain.doFilter(request, response);
	}

	/** Counts an attempt from the address; false once the window's limit is reached. */
	boolean allow(String address) {
		Instant now = Instant.now(this.clock);
		if (this.windows.size() > 100_000) {
			this.windows.values().removeIf((window) -> window.start.plus(WINDOW).isBefore(now));
		}
		Window window = this.windows.compute(address,
				(key, current) -> (current == null || current.start.plus(WINDOW).isBefore(now)) ? new Window(now, 1)
						: new Window(current.start, current.count + 1));
		return window.count <= this.limit;
	}

	private record Window(Instant start, int count) {
	}

}
