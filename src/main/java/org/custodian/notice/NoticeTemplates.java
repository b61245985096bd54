package org.custodian.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/**
 * Notice texts per language ({@code notice/<tag>.txt}: a {@code Subject:} line, a blank
 * line, the body), with {@code {{name}}} placeholders. A missing language falls back to
 * its primary tag, then to English.
 */
final class NoticeTemplates {

	private NoticeTemplates() {
	}

	/** A rendered notice. */
	record Message(String language, String subject, String body) {
	}

	static Message render(String language, Map<String, String> values) {
		return render("", language, values);
	}

	/**
	 * Renders the template in {@code notice/<folder>/<tag>.txt} (or
	 * {@code notice/<tag>.txt} for an empty folder).
	 */
	static Message render(String folder, String language, Map<String, String> values) {
		String prefix = "notice/" + (folder.isEmpty() ? "" : folder + "/");
		String tag = (language != null && !language.isBlank()) ? language.strip() : "en";
		for (String candidate : new String[] { tag, tag.split("[-_]")[0].toLowerCase(Locale.ROOT), "en" }) {
			ClassPathResource resource = new ClassPathResource(prefix + candidate + ".txt");
			if (resource.exists()) {
				String text = read(resource);
				for (Map.Entry<String, String> value : values.entrySet()) {
					text = text.replace("{{" + value.getKey() + "}}", value.getValue());
				}
				int split = text.indexOf("\n\n");
				return new Message(candidate, text.substring(0, split).replaceFirst("^Subject:\\s*", "").strip(),
						text.substring(split + 2));
			}
		}
		throw new IllegalStateException("No notice template, not even " + prefix + "en.txt");
	}

	private static String read(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
