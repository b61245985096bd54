package org.custodian.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import identityprovider.TestIdentityProvider;
import org.custodian.CustodianApplication;
import org.custodian.support.Instances;
import org.custodian.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign in to the console with the platform's identity provider: a real OpenID
 * Connect provider (Spring Authorization Server, {@link TestIdentityProvider}) on a
 * random port, the whole authorization-code flow driven by an HTTP client that follows
 * redirects and keeps cookies, as a browser does. The platform here trusts the provider's
 * multi-factor sign-in ({@code amr} has {@code mfa}) and maps two of its groups to roles.
 * Custodian runs on a database of its own with no jobs, so it runs no other test's work.
 */
class SingleSignOnIntegrationTests {

	static ConfigurableApplicationContext provider;

	static ConfigurableApplicationContext custodian;

	static String base;

	static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		int port = Instances.freePort();
		base = "http://localhost:" + port;
		provider = TestIdentityProvider.start(base + "/console/login/oauth2/code/company");
		TestDatabase database = TestDatabase.get().separate();
		custodian = new SpringApplicationBuilder(CustodianApplication.class).run(
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=", "--server.port=" + port, "--db-scheduler.enabled=false",
				"--server.servlet.session.cookie.secure=false", "--custodian.master-key=" + Instances.MASTER_KEY,
				"--custodian.bootstrap.admin-email=admin@platform.example",
				"--custodian.bootstrap.admin-password=correct horse battery staple",
				"--spring.security.oauth2.client.registration.company.client-id=" + TestIdentityProvider.CLIENT_ID,
				"--spring.security.oauth2.client.registration.company.client-secret="
						+ TestIdentityProvider.CLIENT_SECRET,
				"--spring.security.oauth2.client.registration.company.client-name=Example Corp",
				"--spring.security.oauth2.client.registration.company.scope=openid",
				"--spring.security.oauth2.client.registration.company.redirect-uri={baseUrl}/console/login/oauth2/code/{registrationId}",
				"--spring.security.oauth2.client.provider.company.issuer-uri=" + TestIdentityProvider.issuer(provider),
				"--custodian.sso.roles.custodian-reviewers=REVIEWER",
				"--custodian.sso.roles.custodian-approvers=APPROVER", "--custodian.sso.trust-provider-mfa=true");
		jdbc = custodian.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		if (custodian != null) {
			custodian.close();
		}
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void aStaffMemberSignsInWithTheProviderAndGetsTheRolesOfTheirGroups() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.get(base + "/console/login").body()).contains("Sign in with Example Corp");
		HttpResponse<String> landed = browser.signInAtProvider("alice");
		assertThat(landed.uri().getPath()).isEqualTo("/console/cases");
		assertThat(landed.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT array_to_string(roles, ',') FROM staff_user WHERE email = 'alice@corp.example'")
			.query(String.class)
			.single()).isEqualTo("REVIEWER");
		assertThat(jdbc.sql("SELECT password_hash IS NULL FROM staff_user WHERE email = 'alice@corp.example'")
			.query(Boolean.class)
			.single()).as("no password here").isTrue();
		assertThat(
				jdbc.sql("SELECT details::jsonb->>'secondFactor' FROM audit_event WHERE action = 'staff.sso-signed-in'")
					.query(String.class)
					.list())
			.contains("provider");
		assertThat(browser.get(base + "/console/admin/staff").statusCode()).as("a reviewer, not an administrator")
			.isEqualTo(403);
	}

	@Test
	void withoutTheProvidersMultiFactorSignInCustodiansSecondFactorIsAsked() throws Exception {
		HttpResponse<String> landed = new Browser().signInAtProvider("carol");
		assertThat(landed.uri().getPath()).isEqualTo("/console/enrolment");
		assertThat(landed.body()).contains("Set up your authenticator");
	}

	@Test
	void someoneWhoseGroupsGiveNoRoleIsRefused() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> landed = browser.signInAtProvider("mallory");
		assertThat(landed.uri().getPath()).isEqualTo("/console/login");
		assertThat(landed.uri().getQuery()).isEqualTo("ssoRefused");
		assertThat(landed.body()).contains("gives you no role in Custodian");
		assertThat(browser.get(base + "/console/cases").uri().getPath()).isEqualTo("/console/login");
		assertThat(jdbc.sql("SELECT count(*) FROM staff_user WHERE email = 'mallory@corp.example'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aLocalAdministratorStillSignsInWithTheirPassword() throws Exception {
		Browser browser = new Browser();
		String page = browser.get(base + "/console/login").body();
		HttpResponse<String> landed = browser.post(base + "/console/login", Map.of("email", "admin@platform.example",
				"password", "correct horse battery staple", "code", "", "_csrf", Browser.csrf(page)));
		assertThat(landed.uri().getPath()).as("break-glass: first sign-in enrols the second factor")
			.isEqualTo("/console/enrolment");
	}

	/**
	 * Cookies, redirects and the Accept header, as a browser keeps, follows and sends
	 * them.
	 */
	static final class Browser {

		/** What a browser asks for: the provider answers it with its sign-in page. */
		private static final String PAGES = "text/html,application/xhtml+xml";

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();

		HttpResponse<String> get(String url) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", PAGES).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", PAGES)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/**
		 * From the console's link to the provider's sign-in form, and the form filled in:
		 * where the browser lands.
		 */
		HttpResponse<String> signInAtProvider(String user) throws IOException, InterruptedException {
			HttpResponse<String> form = get(base + "/console/oauth2/authorization/company");
			assertThat(form.uri().toString()).startsWith(TestIdentityProvider.issuer(provider) + "/login");
			return post(form.uri().toString(),
					Map.of("username", user, "password", TestIdentityProvider.PASSWORD, "_csrf", csrf(form.body())));
		}

		static String csrf(String page) {
			Matcher matcher = CSRF.matcher(page);
			assertThat(matcher.find()).as("a CSRF token in %s", page).isTrue();
			return matcher.group(1).replace("&#45;", "-");
		}

	}

}
