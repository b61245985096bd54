package org.custodian.identity.security;

import org.custodian.identity.ApiTokens;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The API authenticates bearer tokens; roles gate each path here, in
 * one place, and the finer rules (four-eyes, own agency) live in the services.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	private static final String[] STAFF = { "INTAKE", "REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD", "POLICY_ADMIN",
			"AUDITOR", "ADMIN" };

	private static final String[] OFFICER_OR_STAFF = { "OFFICER", "INTAKE", "REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD",
			"POLICY_ADMIN", "AUDITOR", "ADMIN" };

	/**
	 * No users outside the database: stops Boot from generating a default in-memory one.
	 */
	@Bean
	UserDetailsService noBuiltInUsers() {
		return new InMemoryUserDetailsManager();
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApplicationEventPublisher events) throws Exception {
		ProblemResponses problems = new ProblemResponses(JsonMapper.builder().build());
		http.securityMatcher("/api/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(tokens, events, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/v1/transparency/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/transparency/reports/*/publications",
						"/api/v1/transparency/reports/*/publications/**")
				.hasAnyRole("POLICY_ADMIN", "ADMIN")
				.requestMatchers("/api/v1/staff/**", "/api/v1/tokens/**", "/api/v1/officers/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/agencies/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/agencies/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/requests/**")
				.hasRole("OFFICER")
				.requestMatchers(HttpMethod.POST, "/api/v1/removal-requests")
				.hasRole("OFFICER")
				.requestMatchers(HttpMethod.GET, "/api/v1/removal-requests/*/items/*/statement-of-reasons")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/v1/removal-requests", "/api/v1/removal-requests/*")
				.hasAnyRole(OFFICER_OR_STAFF)
				.requestMatchers(HttpMethod.POST, "/api/v1/removal-requests/*/decision")
				.hasRole("REVIEWER")
				.requestMatchers(HttpMethod.POST, "/api/v1/removal-requests/*/approval")
				.hasRole("APPROVER")
				.requestMatchers(HttpMethod.POST, "/api/v1/removal-requests/*/human-rights-review")
				.hasRole("HUMAN_RIGHTS_LEAD")
				.requestMatchers(HttpMethod.POST, "/api/v1/appeals")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/removal-requests/*/appeals/*/decision")
				.hasAnyRole("REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/decision", "/api/v1/cases/*/questions")
				.hasRole("REVIEWER")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/approval")
				.hasRole("APPROVER")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/sanctions-review")
				.hasRole("POLICY_ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/human-rights-review")
				.hasRole("HUMAN_RIGHTS_LEAD")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/emergency-verification")
				.hasAnyRole("INTAKE", "REVIEWER", "APPROVER", "ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/assignment")
				.hasAnyRole("INTAKE", "REVIEWER", "APPROVER", "ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/cases/**")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.PUT, "/api/v1/jurisdictions/*/risk")
				.hasAnyRole("POLICY_ADMIN", "HUMAN_RIGHTS_LEAD")
				.requestMatchers(HttpMethod.PUT, "/api/v1/jurisdictions/**")
				.hasRole("POLICY_ADMIN")
				.requestMatchers("/api/v1/pauses/**", "/api/v1/sanctions/**")
				.hasRole("POLICY_ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/assessments/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/assessments/**")
				.hasRole("HUMAN_RIGHTS_LEAD")
				.requestMatchers(HttpMethod.GET, "/api/v1/jurisdictions/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/audit/**")
				.hasAnyRole("AUDITOR", "ADMIN")
				.anyRequest()
				.denyAll());
		return http.build();
	}

	/** Public keys and other published facts anyone may fetch. */
	@Bean
	SecurityFilterChain wellKnown(HttpSecurity http) throws Exception {
		http.securityMatcher("/.well-known/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/.well-known/**")
				.permitAll()
				.anyRequest()
				.denyAll());
		return http.build();
	}

	/**
	 * Health for anyone (the load balancer's probes); the other endpoints (the Prometheus
	 * meters) only on the management port ({@code management.server.port}), which the
	 * deployment keeps off the load balancer, never on the application's own port.
	 */
	@Bean
	SecurityFilterChain operations(HttpSecurity http, Environment environment) throws Exception {
		RequestMatcher managementPort = (request) -> {
			String application = environment.getProperty("local.server.port");
			return application != null && request.getLocalPort() != Integer.parseInt(application);
		};
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
				.permitAll()
				.requestMatchers(managementPort)
				.permitAll()
				.anyRequest()
				.denyAll());
		return http.build();
	}

}
