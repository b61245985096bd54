package org.custodian.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * A real SMTP server for the test run (GreenMail), which the application sends its
 * e-mails to.
 */
public final class TestMail {

	private static GreenMail server;

	private static int port;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
			port = server.getSmtp().getPort();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop()));
		}
		return server;
	}

	public static synchronized int port() {
		server();
		return port;
	}

	/**
	 * Stops the server, as an outage would: until {@link #restart()} no mail gets
	 * through.
	 */
	public static synchronized void stop() {
		server().stop();
	}

	/** Starts the server again on the same port, with an empty mailbox. */
	public static synchronized void restart() {
		server = new GreenMail(new ServerSetup(port, ServerSetupTest.SMTP.getBindAddress(), ServerSetup.PROTOCOL_SMTP));
		server.start();
	}

	/** The bodies of the messages sent to an address so far. */
	public static List<String> bodiesTo(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((to) -> to.toString().toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT)));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).map(GreenMailUtil::getBody).toList();
	}

	/** The first link in the last message to the address, waiting briefly for it. */
	public static String linkTo(String address) {
		for (int i = 0; i < 50; i++) {
			List<String> bodies = bodiesTo(address);
			if (!bodies.isEmpty()) {
				String body = bodies.get(bodies.size() - 1).replace("=\r\n", "").replace("=3D", "=");
				Matcher link = Pattern.compile("https?://\\S+").matcher(body);
				if (link.find()) {
					return link.group();
				}
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("No link was e-mailed to " + address);
	}

}
