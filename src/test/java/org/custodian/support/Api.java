package org.custodian.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the API, as an agency's or the team's automation would use it.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Call as(String token) {
		return new Call(token, new ArrayList<>());
	}

	public Call anonymous() {
		return new Call(null, new ArrayList<>());
	}

	/**
	 * One call being put together.
	 */
	public final class Call {

		private final String token;

		private final List<String> headers;

		Call(String token, List<String> headers) {
			this.token = token;
			this.headers = headers;
		}

		public Call header(String name, String value) {
			List<String> more = new ArrayList<>(this.headers);
			more.add(name);
			more.add(value);
			return new Call(this.token, more);
		}

		public Response get(String path) {
			return send(builder(path).GET());
		}

		public Response post(String path, Object body) {
			String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
			return send(builder(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
		}

		public Response put(String path, Object body) {
			String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
			return send(builder(path).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json)));
		}

		/**
		 * Multipart with a JSON part {@code request} and, if given, a file part
		 * {@code document}.
		 */
		public Response postMultipart(String path, Object request, byte[] document, String filename) {
			String boundary = "----custodian" + UUID.randomUUID();
			List<byte[]> parts = new ArrayList<>();
			parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n"
					+ "Content-Type: application/json\r\n\r\n" + JSON.writeValueAsString(request) + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			if (document != null) {
				parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\""
						+ filename + "\"\r\nContent-Type: application/pdf\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				parts.add(document);
				parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
		}

		private HttpRequest.Builder builder(String path) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Api.this.base + path));
			if (this.token != null) {
				builder.header("Authorization", "Bearer " + this.token);
			}
			for (int i = 0; i < this.headers.size(); i += 2) {
				builder.header(this.headers.get(i), this.headers.get(i + 1));
			}
			return builder;
		}

		private Response send(HttpRequest.Builder request) {
			try {
				HttpResponse<byte[]> response = Api.this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), response.body(),
						response.headers().firstValue("Content-Type").orElse(""),
						response.headers().firstValue("Idempotent-Replayed").orElse(null));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * What came back.
	 */
	public record Response(int status, byte[] bytes, String contentType, String replayed) {

		public JsonNode json() {
			return JSON.readTree(this.bytes);
		}

		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		/** The field names of a problem's {@code errors}. */
		public List<String> errorFields() {
			List<String> fields = new ArrayList<>();
			json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
			return fields;
		}

		@Override
		public String toString() {
			return this.status + " " + text();
		}

	}

}
