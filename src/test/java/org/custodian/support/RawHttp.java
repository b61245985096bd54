package org.custodian.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 request written by hand over a socket, for what Java's HTTP client will
 * not send: a forged {@code Host} header, or a connection from another local address (as
 * a proxy's would come).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends the request from the local address {@code from} (e.g. 127.0.0.2) and reads
	 * the whole response.
	 * @param headers the headers to send as they are (a {@code Host} among them)
	 * @param body a form body, or empty
	 */
	public static Response send(String from, int port, String method, String path, Map<String, String> headers,
			String body) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("Connection: close\r\n");
			if (!body.isEmpty()) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
					.append(body.getBytes(StandardCharsets.UTF_8).length)
					.append("\r\n");
			}
			request.append("\r\n").append(body);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new Response(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A raw HTTP response. */
	public record Response(String raw) {

		public int status() {
			return Integer.parseInt(this.raw.substring(9, 12));
		}

		public String body() {
			return this.raw.substring(this.raw.indexOf("\r\n\r\n") + 4);
		}

		/** The session cookie the response set, as {@code JSESSIONID=…}, or null. */
		public String sessionCookie() {
			Matcher session = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=[^;]+)").matcher(this.raw);
			return session.find() ? session.group(1) : null;
		}

	}

}
