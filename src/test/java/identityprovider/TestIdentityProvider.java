package identityprovider;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in a small
 * context of its own (no database, none of Custodian's beans or configuration) on a
 * random port. Its users and what their ID tokens say (groups, e-mail, {@code amr}) are
 * fixed here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class TestIdentityProvider {

	public static final String CLIENT_ID = "custodian";

	public static final String CLIENT_SECRET = "custodian-client-secret";

	public static final String PASSWORD = "provider password";

	/** Each user's ID-token claims. */
	static final Map<String, Map<String, Object>> USERS = Map.of("alice",
			claims("alice@corp.example", "Alice Reviewer", List.of("custodian-reviewers", "staff"),
					List.of("pwd", "mfa")),
			"carol", claims("carol@corp.example", "Carol Approver", List.of("custodian-approvers"), List.of("pwd")),
			"mallory", claims("mallory@corp.example", "Mallory Outsider", List.of("marketing"), List.of("pwd", "mfa")));

	/**
	 * Starts the provider; the client may return only to the given sign-in address.
	 */
	public static ConfigurableApplicationContext start(String redirectUri) {
		return new SpringApplicationBuilder(TestIdentityProvider.class)
			.properties("custodian.test.redirect-uri=" + redirectUri)
			.run("--spring.config.name=oidc-test-provider", "--server.port=0", "--spring.main.banner-mode=off",
					"--db-scheduler.enabled=false", "--logging.level.root=warn");
	}

	public static String issuer(ConfigurableApplicationContext provider) {
		return "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
	}

	@Bean
	RegisteredClientRepository clients(
			@org.springframework.beans.factory.annotation.Value("${custodian.test.redirect-uri}") String redirectUri) {
		return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(redirectUri)
			.scope(OidcScopes.OPENID)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build());
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(USERS.keySet()
			.stream()
			.map((name) -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
			.toList());
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
		return (context) -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				USERS.getOrDefault(context.getPrincipal().getName(), Map.of())
					.forEach((name, value) -> context.getClaims().claim(name, value));
			}
		};
	}

	private static Map<String, Object> claims(String email, String name, List<String> groups, List<String> amr) {
		return Map.of("email", email, "email_verified", true, "name", name, "groups", groups, "amr", amr);
	}

}
