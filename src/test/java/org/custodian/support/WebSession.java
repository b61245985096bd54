package org.custodian.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps its cookies (including secure ones, which Java's
 * cookie manager would not send over plain HTTP), follows no redirects by itself, and
 * sends the CSRF token of the last page with each form.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final Map<String, String> cookies;

	private String csrf;

	public WebSession(int port) {
		this(port, new LinkedHashMap<>());
	}

	private WebSession(int port, Map<String, String> cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
	}

	/**
	 * The same browser sent to another node (as a load balancer would): the same cookies,
	 * shared from now on.
	 */
	public WebSession at(int port) {
		return new WebSession(port, this.cookies);
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** Posts a form with the CSRF token of the last page that had one. */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.putIfAbsent("_csrf", this.csrf);
		}
		return postRaw(path, all);
	}

	/** Posts exactly these fields (no CSRF token unless given). */
	public Page postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Posts a multipart form (with the CSRF token) and one file part as a browser would;
	 * the file name is sent exactly as given.
	 */
	public Page postMultipart(String path, Map<String, String> fields, String filePart, String filename,
			byte[] content) {
		String boundary = "----custodian" + System.nanoTime();
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			all.putIfAbsent("_csrf", this.csrf);
		}
		List<byte[]> parts = new java.util.ArrayList<>();
		all.forEach((name, value) -> parts.add(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		parts.add(content);
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
	}

	/** Fetches a file: its status, headers and bytes. */
	public Download download(String path) {
		HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(uri(path)).GET(),
				HttpResponse.BodyHandlers.ofByteArray());
		return new Download(response.statusCode(), response.body(), response.headers().map());
	}

	public String cookie(String name) {
		return this.cookies.get(name);
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : this.base + path);
	}

	private Page send(HttpRequest.Builder request) {
		// As a browser asks for a page: an error answers as the error page, not as JSON.
		request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			this.cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
		}
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return new Page(response.statusCode(), response.body(), response.headers().map());
	}

	/** Sends the request with the session's cookies. */
	private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		if (!this.cookies.isEmpty()) {
			request.header("Cookie",
					this.cookies.entrySet()
						.stream()
						.map((e) -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		try {
			return this.http.send(request.build(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String firstHeader(Map<String, List<String>> headers, String name) {
		return headers.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase(name))
			.map((e) -> e.getValue().get(0))
			.findFirst()
			.orElse(null);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A downloaded file.
	 */
	public record Download(int status, byte[] bytes, Map<String, List<String>> headers) {

		public String header(String name) {
			return firstHeader(this.headers, name);
		}

	}

	/**
	 * A response as a browser would see it.
	 */
	public record Page(int status, String body, Map<String, List<String>> headers) {

		public String header(String name) {
			return firstHeader(this.headers, name);
		}

		public String location() {
			return header("Location");
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers + "\n" + this.body;
		}

	}

}
