package org.custodian.shared.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's public base URL ({@code custodian.public-url}, e.g.
 * {@code https://custodian.platform.example}), from which every link sent by e-mail is
 * built; never the request's {@code Host} or forwarded headers, which whoever sends the
 * request chooses. In development it defaults to {@code http://localhost:<port>}; the
 * {@code prod} profile refuses to start without it.
 */
@Component
public class PublicUrl {

	private final String configured;

	private final Environment environment;

	PublicUrl(@Value("${custodian.public-url:}") String configured, Environment environment) {
		String url = (configured != null) ? configured.strip() : "";
		if (url.isEmpty() && environment.matchesProfiles("prod")) {
			throw new IllegalStateException("The prod profile needs the platform's public URL for the links it "
					+ "e-mails: set CUSTODIAN_PUBLIC_URL (e.g. https://custodian.platform.example)");
		}
		if (!url.isEmpty()) {
			URI uri = URI.create(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getQuery() != null
					|| uri.getFragment() != null) {
				throw new IllegalStateException(
						"custodian.public-url (CUSTODIAN_PUBLIC_URL) must be an absolute http(s) URL without query: "
								+ url);
			}
		}
		this.configured = url.replaceAll("/+$", "");
		this.environment = environment;
	}

	/** The base URL, without a trailing slash. */
	public String base() {
		if (!this.configured.isEmpty()) {
			return this.configured;
		}
		// Development: the port the server really listens on (a random one in tests).
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}

	/** An absolute link to a path of the platform, e.g. {@code /portal/login}. */
	public String link(String path) {
		return base() + path;
	}

}
