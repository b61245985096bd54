package org.custodian.web.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.custodian.CustodianApplication;
import org.custodian.support.Api;
import org.custodian.support.Instances;
import org.custodian.support.IntegrationTest;
import org.custodian.support.TestDatabase;
import org.custodian.support.TestMail;
import org.custodian.support.World;
import org.custodian.web.fuzz.WriteEndpoints.Template;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzing of every write endpoint of the API, as the running application maps them: one
 * hostile value (control characters, huge or odd Unicode text, SQL and HTML fragments,
 * wrong JSON types, deep nesting) in one field of an otherwise valid call, drawn by a
 * seeded generator of our own ({@link HostileValues}). Never a 5xx; a 400 names its
 * fields; a refused call stores nothing (no audit event by the fuzzing callers, no
 * request of their agency); the audit chain stays valid. All failing calls are logged and
 * summed up by problem, with the seed; {@code -Dfuzz.seed=…} replays the run.
 */
class HostileInputFuzzTests {

	private static final Logger log = LoggerFactory.getLogger(HostileInputFuzzTests.class);

	private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	/** About 30 per endpoint. */
	private static final int TRIES = 1100;

	private static final int CHAIN_CHECK_EVERY = 100;

	private static ConfigurableApplicationContext application;

	/**
	 * What {@link #stored()} counted after the last call: nothing else acts as the
	 * fuzzing callers, so it is the count before the next.
	 */
	private static long lastStored;

	/** How many answers of each class (2xx, 4xx, …) the fuzzing got. */
	private static final Map<String, Integer> statuses = new TreeMap<>();

	private static Api api;

	private static JdbcClient jdbc;

	private static WriteEndpoints.Fixtures fixtures;

	private static List<String> actors;

	private static String agencyId;

	@BeforeAll
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

	@AfterAll
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

	@Test
	void everyWriteEndpointOfTheApiHasAFuzzTemplate() {
		Set<String> templated = WriteEndpoints.templates(fixtures)
			.stream()
			.map(Template::key)
			.collect(Collectors.toSet());
		assertThat(writeEndpoints()).as("write endpoints without a template in WriteEndpoints")
			.isSubsetOf(templated)
			.hasSizeGreaterThan(30);
	}

	@Test
	void hostileInputIsRefusedByFieldAndStoresNothing() {
		FuzzRandom random = FuzzRandom.fromSystemProperty();
		String seed = "seed " + random.seed() + " (replay with -D" + FuzzRandom.SEED_PROPERTY + "=" + random.seed()
				+ ")";
		log.info("{} tries, {}", TRIES, seed);
		HostileValues hostile = new HostileValues(random);
		List<List<Call>> endpoints = calls();
		List<Failure> failures = new ArrayList<>();
		statuses.clear();
		lastStored = stored();
		for (int attempt = 1; attempt <= TRIES; attempt++) {
			// Each endpoint equally often, whatever its number of fields.
			Call call = random.pick(random.pick(endpoints));
			Object value = hostile.next();
			JsonMapper mapper = random.nextBoolean() ? Api.JSON : ESCAPING;
			String what = "try " + attempt + " of seed " + random.seed() + ": " + call + " with "
					+ Failure.describe(value);
			failures.addAll(check(call, value, mapper, what));
			if (attempt % CHAIN_CHECK_EVERY == 0 && !chainIsValid()) {
				failures.add(new Failure("audit chain not valid", "after " + what));
			}
		}
		log.info("Answers by status: {}", statuses);
		if (!failures.isEmpty()) {
			failures.forEach((failure) -> log.warn("{}: {}", failure.problem(), failure.call()));
			fail(Failure.report(failures, TRIES + " tries, " + seed));
		}
	}

	/** What is wrong with one call's answer and what it left behind. */
	private static List<Failure> check(Call call, Object value, JsonMapper mapper, String what) {
		try {
			Api.Response response = call.send(value, mapper);
			statuses.merge(response.status() / 100 + "xx", 1, Integer::sum);
			String seen = what + " -> " + response.status() + " " + Failure.abbreviate(response.text());
			List<Failure> failures = new ArrayList<>();
			Failure.problemsOf(response).forEach((problem) -> failures.add(new Failure(problem, seen)));
			if (value instanceof String text && hasControlCharacter(text) && response.status() < 300) {
				failures.add(new Failure("a control character accepted", seen));
			}
			long stored = stored();
			if (response.status() >= 400 && stored != lastStored) {
				failures.add(new Failure("stored after a refusal", (stored - lastStored) + " rows after " + seen));
			}
			lastStored = stored;
			return failures;
		}
		catch (RuntimeException ex) {
			lastStored = stored();
			return List.of(new Failure(ex.getClass().getSimpleName(), ex.getMessage() + " in " + what));
		}
	}

	/**
	 * A C0 control character other than tab, newline and carriage return: refused
	 * wherever it is sent. (An unpaired surrogate is not checked here: the client's UTF-8
	 * encoding turns it into '?' before it leaves.)
	 */
	private static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch((c) -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
	}

	/** Per endpoint, one call for each place of it a hostile value can go. */
	private static List<List<Call>> calls() {
		// Sorted, as Map.of iterates in a different order in each JVM and a seed must
		// replay the same calls.
		return WriteEndpoints.templates(fixtures)
			.stream()
			.map((template) -> Slots.of(template).stream().sorted().map((slot) -> new Call(template, slot)).toList())
			.toList();
	}

	private static boolean chainIsValid() {
		return api.as(fixtures.staffToken()).get("/api/v1/audit/verification").json().path("valid").asBoolean();
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

	/**
	 * One endpoint with the place (a JSON path, the query, the file name) the hostile
	 * value goes.
	 */
	record Call(Template template, String slot) {

		Api.Response send(Object value, JsonMapper mapper) {
			Api.Call caller = api.as(this.template.token());
			if (this.slot.equals(Slots.QUERY)) {
				// Tomcat refuses a request line over 8 KB with its own 400 before the
				// application sees it, so the query carries at most 1 000 characters.
				String text = String.valueOf(value);
				String path = this.template.path() + "?q="
						+ URLEncoder.encode(text.substring(0, Math.min(text.length(), 1000)), StandardCharsets.UTF_8);
				return post(caller, path, this.template.body(), mapper);
			}
			if (this.slot.equals(Slots.FILE_NAME)) {
				return caller.postMultipart(this.template.path(), this.template.body(), IntegrationTest.PDF,
						String.valueOf(value));
			}
			return post(caller, this.template.path(), Slots.replace(this.template.body(), this.slot, value), mapper);
		}

		private Api.Response post(Api.Call caller, String path, Object body, JsonMapper mapper) {
			return switch (this.template.kind()) {
				case MULTIPART -> caller.postMultipart(path, body, IntegrationTest.PDF, "order.pdf");
				case CSV -> caller.header("Content-Type", "text/csv").post(path, Slots.csv(body));
				case JSON, NONE -> {
					String json = Slots.json(body, mapper);
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
