package org.custodian.identity.security;

import java.time.Clock;

import org.custodian.identity.Action;
import org.custodian.identity.WebSessions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The browser side: the agency portal and the staff console, each with its own session
 * sign-in, CSRF tokens on every form and a Content-Security-Policy that allows no inline
 * script or style. An officer's session carries no staff role, so the console refuses it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private static final String[] STAFF = { "INTAKE", "REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD", "POLICY_ADMIN",
			"AUDITOR", "ADMIN" };

	@Bean
	SignInRateLimit signInRateLimit(@Value("${custodian.web.sign-in-limit:30}") int limit, Clock clock,
			MessageSource messages) {
		return new SignInRateLimit(limit, clock, messages);
	}

	/**
	 * The limiter runs inside the browser chains only, not as a servlet filter of its
	 * own.
	 */
	@Bean
	FilterRegistrationBean<SignInRateLimit> signInRateLimitRegistration(SignInRateLimit limit) {
		FilterRegistrationBean<SignInRateLimit> registration = new FilterRegistrationBean<>(limit);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(10)
	SecurityFilterChain portal(HttpSecurity http, SignInRateLimit limit) throws Exception {
		browser(http).addFilterBefore(limit, CsrfFilter.class)
			.securityMatcher("/portal", "/portal/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/portal", "/portal/login", "/portal/register", "/portal/confirm")
				.permitAll()
				.requestMatchers("/portal/enrolment")
				.hasAuthority(WebSessions.ENROL_OFFICER)
				.anyRequest()
				.hasRole("OFFICER"))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
			.logout((logout) -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?signedOut"));
		return http.build();
	}

	@Bean
	@Order(11)
	SecurityFilterChain console(HttpSecurity http, SignInRateLimit limit) throws Exception {
		browser(http).addFilterBefore(limit, CsrfFilter.class)
			.securityMatcher("/console", "/console/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/console/login")
				.permitAll()
				.requestMatchers("/console/enrolment")
				.hasAuthority(WebSessions.ENROL_STAFF)
				.requestMatchers("/console/audit/**")
				.hasAnyRole("AUDITOR", "ADMIN")
				.requestMatchers(HttpMethod.POST, "/console/transparency/*/publications",
						"/console/transparency/*/publications/**")
				.hasAnyRole("POLICY_ADMIN", "ADMIN")
				.requestMatchers("/console/transparency", "/console/transparency/**")
				.hasAnyRole("AUDITOR", "ADMIN", "POLICY_ADMIN")
				.requestMatchers("/console/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/console/policy/**")
				.hasRole("POLICY_ADMIN")
				.requestMatchers(HttpMethod.POST, "/console/assessments", "/console/assessments/**")
				.hasRole("HUMAN_RIGHTS_LEAD")
				// The case's forms, a second line behind the use cases: the table's
				// roles.
				.requestMatchers(HttpMethod.POST, "/console/cases/*/decision")
				.hasAnyRole(roles(Action.PROPOSE_DECISION))
				.requestMatchers(HttpMethod.POST, "/console/cases/*/questions")
				.hasAnyRole(roles(Action.ASK_FOR_INFORMATION))
				.requestMatchers(HttpMethod.POST, "/console/cases/*/approval")
				.hasAnyRole(roles(Action.APPROVE_DECISION))
				.requestMatchers(HttpMethod.POST, "/console/cases/*/assignment")
				.hasAnyRole(roles(Action.ASSIGN_CASE))
				.anyRequest()
				.hasAnyRole(STAFF))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/console/login")))
			.logout((logout) -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?signedOut"));
		return http.build();
	}

	/**
	 * Stylesheets, scripts and icons, with the same headers but out of the no-store rule:
	 * their URLs carry a hash of their content, so they are cached for a year.
	 */
	@Bean
	@Order(12)
	SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
		browser(http).securityMatcher("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg")
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	/** The error page and the public transparency report, with the same headers. */
	@Bean
	@Order(13)
	SecurityFilterChain assets(HttpSecurity http) throws Exception {
		browser(http).securityMatcher("/", "/error", "/transparency", "/transparency/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	private static String[] roles(Action action) {
		return action.roles().stream().map(Enum::name).toArray(String[]::new);
	}

	private static HttpSecurity browser(HttpSecurity http) throws Exception {
		return http.csrf(Customizer.withDefaults())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
	}

}
