package org.custodian.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.custodian.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's contract is the committed {@code docs/openapi.json}: a change to a path, a
 * field or an error shows as a diff of that file. Regenerate it with
 * {@code ./mvnw -B test -Djacoco.skip -Dtest=OpenApiDocumentTests -Dopenapi.write=true}.
 */
class OpenApiDocumentTests extends BrowserTest {

	static final Path COMMITTED = Path.of("docs", "openapi.json");

	private static final JsonMapper PRETTY = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	/** Names of request fields that take a code (an enum's name). */
	private static final Set<String> CODE_FIELDS = Set.of("kind", "type", "status", "roles", "match", "stages",
			"covers", "appliesTo", "outcome", "verdict", "decision", "basis", "level", "rejectionReason",
			"noActionReason", "instrument", "categories", "RemovalForm.reason");

	@Test
	void generatedDocumentIsTheCommittedOne() throws Exception {
		String generated = canonical(fetch("/v3/api-docs"));
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
			.as("docs/openapi.json differs from the API: regenerate it with "
					+ "./mvnw -B test -Djacoco.skip -Dtest=OpenApiDocumentTests -Dopenapi.write=true and commit the diff")
			.isEqualTo(generated);
	}

	@Test
	void documentDescribesOnlyTheApiWithItsSecurityAndErrors() throws Exception {
		JsonNode api = Api.JSON.readTree(fetch("/v3/api-docs"));
		List<String> paths = new ArrayList<>(api.get("paths").propertyNames());
		assertThat(paths).isNotEmpty().allMatch((path) -> path.startsWith("/api/"));
		assertThat(paths).contains("/api/v1/requests", "/api/v1/cases/{id}/decision", "/api/v1/pauses");
		assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		JsonNode submit = api.at("/paths/~1api~1v1~1requests/post");
		assertThat(submit.at("/security/0").has("bearer")).isTrue();
		assertThat(submit.at("/responses/400/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(submit.at("/responses/401").isMissingNode()).isFalse();
		JsonNode report = api.at("/paths/~1api~1v1~1transparency~1reports~1{period}/get");
		assertThat(report.get("security")).isEmpty();
		assertThat(api.at("/components/schemas/Problem/properties/errors/items/$ref").asString())
			.isEqualTo("#/components/schemas/FieldError");
	}

	/**
	 * Every operation answers a typed body (named fields, not an empty object) with the
	 * status its handler gives, and every request field that takes a code lists the
	 * codes.
	 */
	@Test
	void everyAnswerIsTypedAndEveryCodeFieldListsItsValues() throws Exception {
		JsonNode api = Api.JSON.readTree(fetch("/v3/api-docs"));
		List<String> untyped = new ArrayList<>();
		Map<String, List<String>> statuses = new TreeMap<>();
		api.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			String operation = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
			List<String> success = new ArrayList<>();
			method.getValue().get("responses").properties().forEach((response) -> {
				if (response.getKey().startsWith("2")) {
					success.add(response.getKey());
					response.getValue().path("content").forEach((media) -> {
						if (!typed(media.path("schema"))) {
							untyped.add(operation + " " + response.getKey());
						}
					});
				}
			});
			statuses.put(operation, success);
		}));
		assertThat(untyped).as("answers without named fields").isEmpty();
		assertThat(statuses).containsEntry("POST /api/v1/requests", List.of("201"))
			.containsEntry("POST /api/v1/removal-requests", List.of("201"))
			.containsEntry("POST /api/v1/pauses", List.of("201", "202"))
			.containsEntry("POST /api/v1/pauses/{id}/lifting", List.of("202"))
			.containsEntry("POST /api/v1/transparency/reports/{period}/publications", List.of("202"))
			.containsEntry("POST /api/v1/transparency/reports/{period}/publications/{id}/confirmation", List.of("201"))
			.containsEntry("POST /api/v1/staff", List.of("201"));
		assertThat(statuses.values()).allSatisfy((codes) -> assertThat(codes).isNotEmpty());
		List<String> plain = new ArrayList<>();
		JsonNode schemas = api.at("/components/schemas");
		requestSchemas(api).forEach((name) -> schemas.path(name).path("properties").properties().forEach((field) -> {
			JsonNode target = field.getValue().has("items") ? field.getValue().get("items") : field.getValue();
			boolean code = CODE_FIELDS.contains(field.getKey()) || CODE_FIELDS.contains(name + "." + field.getKey());
			if (code && "string".equals(target.path("type").asString()) && !target.has("enum")) {
				plain.add(name + "." + field.getKey());
			}
		}));
		assertThat(plain).as("code fields without their values").isEmpty();
		List<String> listed = new ArrayList<>();
		api.at("/paths/~1api~1v1~1cases/get/parameters")
			.forEach((parameter) -> listed
				.add(parameter.get("name").asString() + ":" + parameter.at("/schema/enum").size()));
		assertThat(listed).noneMatch((parameter) -> parameter.equals("status:0") || parameter.equals("type:0"));
	}

	private static boolean typed(JsonNode schema) {
		if (schema.has("$ref") || schema.has("oneOf") || schema.has("format")) {
			return true;
		}
		if (schema.has("items")) {
			return typed(schema.get("items"));
		}
		return schema.path("properties").size() > 0;
	}

	/** The schemas request bodies name, and those they name in turn. */
	private static Set<String> requestSchemas(JsonNode api) {
		Set<String> names = new TreeSet<>();
		List<JsonNode> pending = new ArrayList<>(api.get("paths").findValues("requestBody"));
		while (!pending.isEmpty()) {
			JsonNode node = pending.remove(pending.size() - 1);
			for (JsonNode ref : node.findValues("$ref")) {
				String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
				if (names.add(name)) {
					pending.add(api.at("/components/schemas/" + name));
				}
			}
		}
		return names;
	}

	@Test
	void referencePageRendersUnderTheContentSecurityPolicy() {
		Page page = context("UTC").newPage();
		List<String> refused = new ArrayList<>();
		page.setDefaultTimeout(60_000);
		page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy")) {
				refused.add(message.text());
			}
		});
		com.microsoft.playwright.Response response = page.navigate(url("/swagger-ui/index.html"));
		assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'");
		LocatorAssertions.IsVisibleOptions wait = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);
		assertThat(page.locator(".opblock-summary-path").first()).isVisible(wait);
		assertThat(page.getByText("/api/v1/cases/{id}/decision").first()).isVisible(wait);
		assertThat(page.locator(".auth-wrapper .authorize").first()).isVisible(wait);
		shot(page, "api-reference");
		assertThat(refused).isEmpty();
		page.context().close();
	}

	private String fetch(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** Pretty-printed with every object's keys sorted, so the file diffs line by line. */
	static String canonical(String json) {
		return PRETTY.writeValueAsString(sorted(PRETTY.readValue(json, Object.class))) + "\n";
	}

	@SuppressWarnings("unchecked")
	private static Object sorted(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> result = new TreeMap<>();
			((Map<String, Object>) map).forEach((key, item) -> result.put(key, sorted(item)));
			return result;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(OpenApiDocumentTests::sorted).toList();
		}
		return value;
	}

}
