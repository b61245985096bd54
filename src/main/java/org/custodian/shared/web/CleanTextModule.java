package org.custodian.shared.web;

import org.custodian.shared.CleanText;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses control characters in every JSON string and object key as it is read, so that
 * the failure carries the JSON path of the field ({@code targets[0].value}) and no
 * controller or service ever sees such text. Spring Boot adds it to the application's
 * JSON mapper.
 */
public final class CleanTextModule extends SimpleModule {

	public CleanTextModule() {
		super("custodian-clean-text");
		addDeserializer(String.class, new CleanStrings());
		addKeyDeserializer(String.class, new CleanKeys());
	}

	private static void refuse(JsonParser parser, String text) {
		CleanText.refusal(text).ifPresent((message) -> {
			throw new RefusedText(parser, message);
		});
	}

	/**
	 * A string refused for its characters; {@link #refusal()} is the field message.
	 */
	static final class RefusedText extends MismatchedInputException {

		private final String refusal;

		RefusedText(JsonParser parser, String refusal) {
			super(parser, refusal, String.class);
			this.refusal = refusal;
		}

		String refusal() {
			return this.refusal;
		}

	}

	private static final class CleanStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			refuse(parser, value);
			return value;
		}

	}

	private static final class CleanKeys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			refuse(context.getParser(), key);
			return key;
		}

	}

}
