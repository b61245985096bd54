package org.custodian.web.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.custodian.CustodianApplication;
import org.custodian.support.Api;
import org.custodian.support.Instances;
import org.custodian.support.IntegrationTest;
import org.custodian.support.TestDatabase;
import org.custodian.support.TestMail;
import org.custodian.support.World;
import org.custodian.web.fuzz.WriteEndpoints.Template;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing (jqwik) of every write endpoint of the API, as the running
 * application maps them: one hostile value (control characters, huge or odd Unicode text,
 * SQL and HTML fragments, wrong JSON types, deep nesting) in one field of an otherwise
 * valid call. Never a 5xx; a 400 names its fields; a refused call stores nothing (no
 * audit event by the fuzzing callers, no request of their agency); the audit chain stays
 * valid. On failure jqwik prints the seed (re-run with {@code @Property(seed = "…")}).
 */
class HostileInputFuzzTests {

	private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private static final int CHAIN_CHECK_EVERY = 100;

	private static ConfigurableApplicationContext application;

	private static int tries;

	/** What {@link #stored()} counted after the last call; -1 before the first. */
	private static long lastStored = -1;

	private static Api api;

	private static JdbcClient jdbc;

	private static WriteEndpoints.Fixtures fixtures;

	private static List<String> actors;

	private static String agencyId;

	@BeforeContainer
	static void start() {
		// As IntegrationTest configures it, as system properties (which outrank
		// application.yml
		// and the environment) for as long as this class runs.
		settings().forEach(System::setProperty);
		application = new SpringApplicationBuilder(CustodianApplication.class).run();
		api = new Api(Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));
		jdbc = application.getBean(JdbcClient.class);
		fixtures = makeFixtures();
	}

	@AfterContainer
	static void stop() throws Exception {
		if (application != null && fixtures != null) {
			restoreSanctions();
		}
		if (application != null) {
			application.close();
		}
		settings().keySet().forEach(System::clearProperty);
	}

	private static void restoreSanctions() throws Exception {
		// A valid hostile list may have replaced the sanctions in force: put the sample
		// back
		// as SanctionsIntegrationTests leaves it.
		String sample = new ClassPathResource("sanctions/sample-sdn.csv").getContentAsString(StandardCharsets.UTF_8);
		api.as(fixtures.staffToken()).header("Content-Type", "text/csv").post("/api/v1/sanctions/lists", sample);
	}

	private static Map<String, String> settings() {
		TestDatabase database = TestDatabase.get();
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("spring.datasource.url", database.url());
		settings.put("spring.datasource.username", database.username());
		settings.put("spring.datasource.password", "");
		settings.put("custodian.master-key", Instances.MASTER_KEY);
		settings.put("custodian.bootstrap.admin-email", "admin@platform.example");
		settings.put("custodian.bootstrap.admin-password", "correct horse battery staple");
		settings.put("custodian.bootstrap.admin-token", IntegrationTest.ADMIN_TOKEN);
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", String.valueOf(TestMail.port()));
		settings.put("custodian.web.sign-in-limit", "100000");
		return settings;
	}

	@Example
	void everyWriteEndpointOfTheApiHasAFuzzTemplate() {
		Set<String> templated = WriteEndpoints.templates(fixtures)
			.stream()
			.map(Template::key)
			.collect(Collectors.toSet());
		assertThat(writeEndpoints()).as("write endpoints without a template in WriteEndpoints")
			.isSubsetOf(templated)
			.hasSizeGreaterThan(30);
	}

	@Property(tries = 1100) // about 30 per endpoint; the audit chain is verified every
							// 100
	void hostileInputIsRefusedByFieldAndStoresNothing(@ForAll("calls") Call call, @ForAll("hostile") Object value) {
		// Nothing else acts as the fuzzing callers, so the count after one call is the
		// count
		// before the next.
		long storedBefore = (lastStored >= 0) ? lastStored : stored();
		Api.Response response = call.send(value);
		Statistics.label("status").collect(response.status() / 100 + "xx");
		String what = call + " with " + describe(value) + " -> " + response.status() + " "
				+ abbreviate(response.text());

		assertThat(response.status()).as(what).isLessThan(500);
		if (response.status() == 400) {
			assertThat(response.contentType()).as(what).startsWith("application/problem+json");
			JsonNode errors = response.json().path("errors");
			assertThat(errors.isArray() && !errors.isEmpty()).as(what).isTrue();
			errors.forEach((error) -> assertThat(error.path("field").asString()).as(what).isNotBlank());
		}
		long storedAfter = stored();
		if (response.status() >= 400) {
			assertThat(storedAfter).as("audit events and requests after " + what).isEqualTo(storedBefore);
		}
		lastStored = storedAfter;
		if (++tries % CHAIN_CHECK_EVERY == 0) {
			Api.Response verification = api.as(fixtures.staffToken()).get("/api/v1/audit/verification");
			assertThat(verification.json().path("valid").asBoolean()).as(verification + " after " + what).isTrue();
		}
	}

	@Provide
	Arbitrary<Call> calls() {
		List<Call> calls = new ArrayList<>();
		for (Template template : WriteEndpoints.templates(fixtures)) {
			for (String slot : Slots.of(template)) {
				calls.add(new Call(template, slot));
			}
		}
		Map<String, List<Call>> byEndpoint = calls.stream()
			.collect(Collectors.groupingBy((c) -> c.template().key() + c.template().kind(), LinkedHashMap::new,
					Collectors.toList()));
		// Each endpoint equally often, whatever its number of fields.
		return Arbitraries.of(List.copyOf(byEndpoint.values())).flatMap(Arbitraries::of);
	}

	@Provide
	Arbitrary<Object> hostile() {
		return HostileValues.any();
	}

	private static Set<String> writeEndpoints() {
		Set<String> keys = new TreeSet<>();
		application.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getMethodsCondition().getMethods().forEach((method) -> {
				if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
					info.getPatternValues()
						.stream()
						.filter((path) -> path.startsWith("/api/"))
						.forEach((path) -> keys.add(method + " " + path));
				}
			}));
		return keys;
	}

	/** The fuzzing callers and what they act on, made through the API. */
	private static WriteEndpoints.Fixtures makeFixtures() {
		World world = new World(api, IntegrationTest.ADMIN_TOKEN);
		World.Person staff = world.staff("INTAKE", "REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD", "POLICY_ADMIN",
				"AUDITOR", "ADMIN");
		World.Agency agency = world.agency("NZ");
		World.Person officer = world.officer(agency);
		String spareOfficer = world.officer(agency).id();
		String spareAgency = world.agency("NZ", false).id();
		String request = world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response assessment = api.as(staff.token())
			.post("/api/v1/assessments", Map.of("jurisdiction", "AQ", "subject", "Fuzz", "triggerDate", "2020-07-01"));
		assertThat(assessment.status()).as(assessment.toString()).isEqualTo(201);
		actors = List.of(staff.id(), officer.id());
		agencyId = agency.id();
		return new WriteEndpoints.Fixtures(staff.token(), officer.token(), request, spareAgency, spareOfficer,
				staff.id(), assessment.json().path("id").asString());
	}

	/**
	 * Audit events by the fuzzing callers (beyond the use of their tokens) plus requests
	 * of their agency.
	 */
	private static long stored() {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM audit_event WHERE actor_id IN (?, ?) AND action <> 'token.used')
				     + (SELECT count(*) FROM request WHERE agency_id = ?::uuid)""")
			.params(actors.get(0), actors.get(1), agencyId)
			.query(Long.class)
			.single();
	}

	private static String describe(Object value) {
		String text = String.valueOf(value);
		String codes = text.chars()
			.limit(40)
			.mapToObj((c) -> (c < 0x20 || Character.isSurrogate((char) c)) ? String.format("\\u%04x", c)
					: String.valueOf((char) c))
			.collect(Collectors.joining());
		return value.getClass().getSimpleName() + "(" + text.length() + " chars) \"" + codes + "\"";
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	/**
	 * One endpoint with the place (a JSON path, the query, the file name) the hostile
	 * value goes.
	 */
	record Call(Template template, String slot) {

		Api.Response send(Object value) {
			Api.Call caller = api.as(this.template.token());
			if (this.slot.equals(Slots.QUERY)) {
				// Tomcat refuses a request line over 8 KB with its own 400 before the
				// application sees it, so the query carries at most 1 000 characters.
				String text = String.valueOf(value);
				String path = this.template.path() + "?q="
						+ URLEncoder.encode(text.substring(0, Math.min(text.length(), 1000)), StandardCharsets.UTF_8);
				return post(caller, path, this.template.body());
			}
			if (this.slot.equals(Slots.FILE_NAME)) {
				return caller.postMultipart(this.template.path(), this.template.body(), IntegrationTest.PDF,
						String.valueOf(value));
			}
			return post(caller, this.template.path(), Slots.replace(this.template.body(), this.slot, value));
		}

		private Api.Response post(Api.Call caller, String path, Object body) {
			return switch (this.template.kind()) {
				case MULTIPART -> caller.postMultipart(path, body, IntegrationTest.PDF, "order.pdf");
				case CSV -> caller.header("Content-Type", "text/csv").post(path, Slots.csv(body));
				case JSON, NONE -> {
					String json = Slots.json(body, ((body.hashCode() & 1) == 0) ? Api.JSON : ESCAPING);
					yield this.template.key().startsWith("PUT ") ? caller.put(path, json) : caller.post(path, json);
				}
			};
		}

		@Override
		public String toString() {
			return this.template.key() + " (" + this.template.kind() + ") at " + this.slot;
		}

	}

}
