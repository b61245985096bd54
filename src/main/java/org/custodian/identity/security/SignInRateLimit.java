package org.custodian.identity.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Limits how often one network address may try to sign in or register: a brake on
 * password spraying across many accounts, which the per-account lockout cannot see.
 * Attempts are counted in the database (one row per address and window), so the limit
 * holds for the address across every node behind the load balancer.
 */
class SignInRateLimit extends OncePerRequestFilter {

	static final Duration WINDOW = Duration.ofMinutes(5);

	private static final Set<String> GUARDED = Set.of("/portal/login", "/console/login", "/portal/register",
			"/console/second-factor");

	private final JdbcClient jdbc;

	/** When this node last deleted the rows of ended windows. */
	private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

	private final int limit;

	private final Clock clock;

	private final MessageSource messages;

	SignInRateLimit(JdbcClient jdbc, int limit, Clock clock, MessageSource messages) {
		this.jdbc = jdbc;
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
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		OffsetDateTime ended = now.minus(WINDOW).atOffset(ZoneOffset.UTC);
		sweep(now, ended);
		int attempts = this.jdbc
			.sql("""
					INSERT INTO sign_in_attempts (address, window_start, attempts) VALUES (:address, :now, 1)
					ON CONFLICT (address) DO UPDATE SET
					  attempts = CASE WHEN sign_in_attempts.window_start < :ended THEN 1 ELSE sign_in_attempts.attempts + 1 END,
					  window_start = CASE WHEN sign_in_attempts.window_start < :ended THEN :now ELSE sign_in_attempts.window_start END
					RETURNING attempts""")
			.param("address", address)
			.param("now", at)
			.param("ended", ended)
			.query(Integer.class)
			.single();
		return attempts <= this.limit;
	}

	/** At most once a window per node: forgets the addresses whose window has ended. */
	private void sweep(Instant now, OffsetDateTime ended) {
		Instant last = this.lastSweep.get();
		if (last.plus(WINDOW).isBefore(now) && this.lastSweep.compareAndSet(last, now)) {
			this.jdbc.sql("DELETE FROM sign_in_attempts WHERE window_start < ?").param(ended).update();
		}
	}

}
