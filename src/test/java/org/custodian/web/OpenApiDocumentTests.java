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
import java.util.Map;
import java.util.TreeMap;

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
