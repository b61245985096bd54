package org.custodian.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What a module adds to the API document that its controllers cannot say themselves: the
 * codes a string request field accepts (the enum it is parsed into), and the status of a
 * created or accepted answer a handler sets at run time
 * ({@code ResponseEntity.status(...)}). Each module declares its own in one small
 * documentation class; {@code OpenApiDocumentTests} checks nothing is left out.
 */
public final class ApiSchemas {

	private ApiSchemas() {
	}

	/**
	 * The values of enum-valued fields, keyed {@code "Schema.field"} for a request body's
	 * field (a list field's items) or {@code "GET /path?param"} for a query parameter.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public static OpenApiCustomizer enums(Map<String, Class<? extends Enum<?>>> fields) {
		return (api) -> fields.forEach((field, type) -> {
			List<String> values = new ArrayList<>(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
			if (field.contains("?")) {
				Operation operation = operation(api.getPaths().get(path(field)), method(field));
				String name = field.substring(field.indexOf('?') + 1);
				if (operation != null && operation.getParameters() != null) {
					operation.getParameters()
						.stream()
						.filter((parameter) -> parameter.getName().equals(name))
						.forEach((parameter) -> parameter.setSchema(withValues(parameter.getSchema(), values)));
				}
				return;
			}
			String[] names = field.split("\\.");
			Schema schema = api.getComponents().getSchemas().get(names[0]);
			Schema property = (schema != null && schema.getProperties() != null)
					? (Schema) schema.getProperties().get(names[1]) : null;
			if (property != null) {
				Schema target = (property.getItems() != null) ? property.getItems() : property;
				target.setEnum(values);
			}
		});
	}

	/**
	 * A parameter's schema of its own with these values: springdoc may give several
	 * parameters one schema instance, which must not take another parameter's values.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema withValues(Schema shared, List<String> values) {
		Schema own = new StringSchema();
		if (shared != null) {
			own.setDescription(shared.getDescription());
			if (shared.getDefault() != null) {
				own.setDefault(shared.getDefault());
			}
		}
		own.setEnum(values);
		return own;
	}

	/**
	 * The statuses of operations whose handler sets them at run time, keyed
	 * {@code "POST /path"}: the documented 200 answer becomes these.
	 */
	public static OpenApiCustomizer statuses(Map<String, List<String>> operations) {
		return (api) -> operations.forEach((key, codes) -> {
			Operation operation = operation(api.getPaths().get(path(key)), method(key));
			if (operation == null) {
				return;
			}
			ApiResponses responses = operation.getResponses();
			ApiResponse ok = responses.remove("200");
			if (ok != null) {
				codes.forEach((code) -> responses.addApiResponse(code, ok));
			}
		});
	}

	/**
	 * The answers of operations whose handler returns a map or an {@code Object}, keyed
	 * {@code "POST /path"}: each success answer's body becomes this schema.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public static OpenApiCustomizer responses(Map<String, Schema<?>> operations) {
		return (api) -> operations.forEach((key, schema) -> {
			Operation operation = operation(api.getPaths().get(path(key)), method(key));
			if (operation == null) {
				return;
			}
			operation.getResponses().forEach((code, response) -> {
				if (code.startsWith("2") && response.getContent() != null) {
					response.getContent().values().forEach((media) -> media.setSchema((Schema) schema));
				}
			});
		});
	}

	/**
	 * An object with these fields: {@code "name"} is a string, {@code "name:type"} one of
	 * uuid, date-time, integer, boolean, array, object.
	 */
	public static Schema<?> object(String description, String... fields) {
		ObjectSchema schema = new ObjectSchema();
		schema.description(description);
		for (String field : fields) {
			String[] parts = field.split(":");
			schema.addProperty(parts[0], property((parts.length > 1) ? parts[1] : "string"));
		}
		return schema;
	}

	/** A list of {@code items}. */
	public static Schema<?> list(Schema<?> items) {
		return new ArraySchema().items(items);
	}

	/** A reference to a record's schema, which {@link #records} adds to the document. */
	public static Schema<?> ref(Class<?> type) {
		return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
	}

	/** Adds the schemas of these records (and of the types they name) to the document. */
	public static OpenApiCustomizer records(Class<?>... types) {
		return (api) -> {
			for (Class<?> type : types) {
				ModelConverters.getInstance().readAll(type).forEach(api.getComponents()::addSchemas);
			}
		};
	}

	private static Schema<?> property(String type) {
		return switch (type) {
			case "uuid" -> new UUIDSchema();
			case "date-time" -> new DateTimeSchema();
			case "integer" -> new IntegerSchema();
			case "boolean" -> new BooleanSchema();
			case "array" -> new ArraySchema().items(new Schema<>());
			case "object" -> new ObjectSchema();
			default -> new StringSchema();
		};
	}

	private static String path(String key) {
		String path = key.substring(key.indexOf(' ') + 1);
		return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
	}

	private static PathItem.HttpMethod method(String key) {
		return PathItem.HttpMethod.valueOf(key.substring(0, key.indexOf(' ')));
	}

	private static Operation operation(PathItem item, PathItem.HttpMethod method) {
		return (item != null) ? item.readOperationsMap().get(method) : null;
	}

}
