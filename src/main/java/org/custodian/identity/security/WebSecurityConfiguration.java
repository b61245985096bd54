package org.custodian.identity.security;

import java.time.Clock;

import org.custodian.identity.Action;
import org.custodian.identity.SingleSignOnProperties;
import org.custodian.identity.StaffSingleSignOn;
import org.custodian.identity.WebSessions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
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

	static final String REFERENCE_PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-hashes' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='");

	private static final String[] STAFF = { "INTAKE", "REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD", "POLICY_ADMIN",
			"AUDITOR", "ADMIN" };

	@Bean
	SignInRateLimit signInRateLimit(JdbcClient jdbc, @Value("${custodian.web.sign-in-limit:30}") int limit, Clock clock,
			MessageSource messages) {
		return new SignInRateLimit(jdbc, limit, clock, messages);
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
	SecurityFilterChain console(HttpSecurity http, SignInRateLimit limit,
			ObjectProvider<ClientRegistrationRepository> registrations, StaffSingleSignOn singleSignOn,
			SingleSignOnProperties properties, WebSessions sessions) throws Exception {
		if (registrations.getIfAvailable() != null) {
			// Staff single sign-on (OpenID Connect), under /console so that this chain
			// and its headers apply; the provider's tokens are not kept (ADR 0020).
			http.oauth2Login((login) -> login.loginPage("/console/login")
				.authorizationEndpoint((endpoint) -> endpoint.baseUri("/console/oauth2/authorization"))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri("/console/login/oauth2/code/*"))
				.successHandler(new SingleSignOnSuccess(singleSignOn, properties, sessions))
				.failureUrl("/console/login?ssoRefused"));
		}
		browser(http).addFilterBefore(limit, CsrfFilter.class)
			.securityMatcher("/console", "/console/**")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/console/login", "/console/oauth2/authorization/*", "/console/login/oauth2/code/*")
				.permitAll()
				.requestMatchers("/console/enrolment")
				.hasAuthority(WebSessions.ENROL_STAFF)
				.requestMatchers("/console/second-factor")
				.hasAuthority(WebSessions.SECOND_FACTOR_STAFF)
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
				.requestMatchers(HttpMethod.POST, "/console/removals/*/decision")
				.hasAnyRole(roles(Action.PROPOSE_REMOVAL_DECISION))
				.requestMatchers(HttpMethod.POST, "/console/removals/*/approval")
				.hasAnyRole(roles(Action.APPROVE_REMOVAL_DECISION))
				.requestMatchers(HttpMethod.POST, "/console/removals/*/human-rights-review")
				.hasAnyRole(roles(Action.RECORD_HUMAN_RIGHTS_REVIEW))
				.requestMatchers(HttpMethod.POST, "/console/removals/*/appeals/*/decision")
				.hasAnyRole(roles(Action.DECIDE_REMOVAL_APPEAL))
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
		browser(http)
			.securityMatcher("/", "/error", "/transparency", "/transparency/**", "/sample-platform/**", "/v3/api-docs",
					"/v3/api-docs/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * The public appeal page a holder's notice links to: no sign-in (the link's one-time
	 * token is the credential, checked by the use case), CSRF on its form.
	 */
	@Bean
	@Order(15)
	SecurityFilterChain appeal(HttpSecurity http) throws Exception {
		browser(http).securityMatcher("/appeal", "/appeal/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	/**
	 * The API's reference page for agencies' developers (springdoc's Swagger UI). Its
	 * page loads only scripts of its own, the initializer included, so scripts stay
	 * {@code 'self'}; Swagger UI applies one inline style, allowed here by its hash and
	 * on these paths only (a new Swagger UI version may need the hash its browser test
	 * reports).
	 */
	@Bean
	@Order(14)
	SecurityFilterChain apiReference(HttpSecurity http) throws Exception {
		browser(http, REFERENCE_PAGE_POLICY).securityMatcher("/swagger-ui.html", "/swagger-ui/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

	private static String[] roles(Action action) {
		return action.roles().stream().map(Enum::name).toArray(String[]::new);
	}

	private static HttpSecurity browser(HttpSecurity http) throws Exception {
		return browser(http, CONTENT_SECURITY_POLICY);
	}

	private static HttpSecurity browser(HttpSecurity http, String policy) throws Exception {
		return http.csrf(Customizer.withDefaults())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(
						(permissions) -> permissions.policy("camera=(), microphone=(), geolocation=()")));
	}

}
