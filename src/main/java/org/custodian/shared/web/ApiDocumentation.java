package org.custodian.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.RequestType;
import org.custodian.shared.TargetKind;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's machine-readable description ({@code /v3/api-docs}, reference page at
 * {@code /swagger-ui/index.html}): what springdoc reads from the controllers, plus what
 * the controllers do not say themselves, added here once rather than annotated on every
 * method: the bearer scheme, which operations are public, and the problem+json answers
 * every operation can give. The committed {@code docs/openapi.json} is this document;
 * {@code OpenApiDocumentTests} fails when they differ.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocumentation {

	static final String BEARER = "bearer";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String PROBLEM_REF = "#/components/schemas/Problem";

	@Bean
	OpenAPI custodianApi() {
		return new OpenAPI()
			.info(new Info().title("Custodian API")
				.version("v1")
				.description("Requests for user data from government agencies, handled on the record. "
						+ "Authenticate with `Authorization: Bearer <token>` (tokens are issued by an administrator). "
						+ "Every error is RFC 9457 `application/problem+json`; invalid input lists "
						+ "`errors: [{field, message}]`. Another agency's request answers 404, not 403."))
			.servers(List.of(new Server().url("/").description("This platform")))
			.components(new Components()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("An API token of a staff member or an agency officer, shown once when issued."))
				.addSchemas("Problem", problem())
				.addSchemas("FieldError", fieldError()));
	}

	@Bean
	OpenApiCustomizer problemsAndSecurity() {
		return (api) -> {
			api.getComponents().addSchemas("Problem", problem()).addSchemas("FieldError", fieldError());
			enums(api.getComponents().getSchemas());
			Paths sorted = new Paths();
			new TreeMap<>(api.getPaths()).forEach(sorted::addPathItem);
			api.setPaths(sorted);
			sorted.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				boolean open = isPublic(path, method);
				operation.setSecurity(open ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
				errors(path, method, operation, open);
			}));
			if (api.getTags() != null) {
				api.setTags(api.getTags().stream().sorted(Comparator.comparing(Tag::getName)).toList());
			}
		};
	}

	/**
	 * Request bodies take codes as strings, so that a wrong one is a field error rather
	 * than an unreadable body; the codes they accept are the shared enums'.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void enums(Map<String, Schema> schemas) {
		Map<String, Class<? extends Enum<?>>> codes = Map.of("SubmissionForm.type", RequestType.class,
				"SubmissionForm.instrument", Instrument.class, "SubmissionForm.categories", DataCategory.class,
				"TargetForm.kind", TargetKind.class, "Form.categories", DataCategory.class, "CategoriesBody.categories",
				DataCategory.class);
		codes.forEach((field, type) -> {
			String[] names = field.split("\\.");
			Schema schema = schemas.get(names[0]);
			Schema property = (schema != null && schema.getProperties() != null)
					? (Schema) schema.getProperties().get(names[1]) : null;
			if (property != null) {
				Schema target = (property.getItems() != null) ? property.getItems() : property;
				target.setEnum(new ArrayList<>(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
			}
		});
	}

	/** The published transparency reports are the only operations anyone may call. */
	private static boolean isPublic(String path, PathItem.HttpMethod method) {
		return method == PathItem.HttpMethod.GET && path.startsWith("/api/v1/transparency/");
	}

	private static void errors(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
		ApiResponses responses = operation.getResponses();
		Map<String, String> problems = new TreeMap<>();
		boolean input = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		if (input) {
			problems.put("400", "Invalid input: `errors` names each field and what is wrong with it.");
		}
		if (!open) {
			problems.put("401", "No token, or a token that is not valid (revoked, expired, unknown).");
			problems.put("403", "The caller's role may not do this.");
		}
		if (path.contains("{")) {
			problems.put("404", "No such resource, or one of another agency (never 403 for that).");
		}
		if (method != PathItem.HttpMethod.GET) {
			problems.put("409", "The resource's state does not allow this now (the detail says why).");
		}
		problems.forEach((status, description) -> {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status,
						new ApiResponse().description(description)
							.content(new Content().addMediaType(PROBLEM_JSON,
									new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
			}
		});
	}

	private static Schema<?> problem() {
		return new ObjectSchema().description("RFC 9457 problem details, the one error shape of the API.")
			.addProperty("type",
					new StringSchema().description("A URI naming the kind of problem").example("about:blank"))
			.addProperty("title", new StringSchema().description("Short summary").example("Invalid input"))
			.addProperty("status", new IntegerSchema().description("The HTTP status").example(400))
			.addProperty("detail", new StringSchema().description("What went wrong, for a person"))
			.addProperty("instance", new StringSchema().description("The path of the request"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
						.description("For invalid input: each field and what is wrong with it"))
			.required(List.of("status", "title"));
	}

	private static Schema<?> fieldError() {
		return new ObjectSchema().description("One invalid field")
			.addProperty("field",
					new StringSchema().description("The field's path in the request").example("targets[0].value"))
			.addProperty("message", new StringSchema().description("What is wrong with it").example("is required"))
			.required(List.of("field", "message"));
	}

}
