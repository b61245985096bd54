package org.custodian.demo;

import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
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
 * notices could never go out, and no production would ever be released. Never outside the
 * {@code demo} profile, and never when {@code spring.mail.host} is set.
 */
@Component
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMailbox extends JavaMailSenderImpl {

	private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	@Override
	protected void doSend(MimeMessage[] messages, Object[] originals) {
		for (MimeMessage message : messages) {
			try {
				String to = Arrays.toString(message.getAllRecipients());
				Object content = message.getContent();
				Matcher link = LINK.matcher(String.valueOf(content));
				if (link.find()) {
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

}
