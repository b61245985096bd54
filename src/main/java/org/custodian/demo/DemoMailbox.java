package org.custodian.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The demo world's mail server when no real one is configured: its users' addresses are
 * fictional ({@code *.example}), so a message "delivered" here is written to the log (a
 * link, such as a registration's, at INFO; the rest at DEBUG). Without it the demo's user
 * notices could never go out, and no production would ever be released. It keeps the
 * links it delivered, so that the replay's account holders can follow the one their
 * notice gave them (an appeal link). Never outside the {@code demo} profile, and never
 * when {@code spring.mail.host} is set.
 */
@Component
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMailbox extends JavaMailSenderImpl {

	private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private final Map<String, List<String>> links = new ConcurrentHashMap<>();

	/** The links delivered to an address, oldest first, that contain {@code part}. */
	private List<String> linksTo(String address, String part) {
		return this.links.getOrDefault(address, List.of()).stream().filter((link) -> link.contains(part)).toList();
	}

	/** The latest link delivered to the address that contains {@code part}, if any. */
	Optional<String> lastLinkTo(String address, String part) {
		List<String> found = linksTo(address, part);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
	}

	@Override
	protected void doSend(MimeMessage[] messages, Object[] originals) {
		for (MimeMessage message : messages) {
			try {
				String to = Arrays.toString(message.getAllRecipients());
				Object content = message.getContent();
				Matcher link = LINK.matcher(String.valueOf(content));
				if (link.find()) {
					remember(message.getAllRecipients(), link.group());
					log.info("Demo mailbox (no SMTP server configured) to {}: {} {}", to, message.getSubject(),
							link.group());
				}
				else {
					log.debug("Demo mailbox (no SMTP server configured) to {}: {}", to, message.getSubject());
				}
			}
			catch (MessagingException | IOException ex) {
				throw new MailParseException(ex);
			}
		}
	}

	private void remember(Address[] recipients, String link) {
		for (Address recipient : (recipients != null) ? recipients : new Address[0]) {
			String address = (recipient instanceof InternetAddress internet) ? internet.getAddress()
					: recipient.toString();
			this.links.compute(address, (key, known) -> {
				List<String> all = (known != null) ? new ArrayList<>(known) : new ArrayList<>();
				all.add(link);
				return List.copyOf(all);
			});
		}
	}

}
