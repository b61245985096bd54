package org.custodian.agency;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The portal's e-mails, in the language the officer used. Without a mail server
 * (development) the message is logged instead.
 */
@Component
class PortalMail {

	private static final Logger log = LoggerFactory.getLogger(PortalMail.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final String from;

	PortalMail(ObjectProvider<JavaMailSender> sender, MessageSource messages,
			@Value("${custodian.mail.from:custodian@localhost}") String from) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
	}

	void confirmation(String to, String name, String link, Locale locale) {
		send(to, this.messages.getMessage("mail.confirm.subject", null, locale),
				this.messages.getMessage("mail.confirm.body", new Object[] { name, link }, locale));
	}

	void alreadyRegistered(String to, String loginLink, Locale locale) {
		send(to, this.messages.getMessage("mail.existing.subject", null, locale),
				this.messages.getMessage("mail.existing.body", new Object[] { loginLink }, locale));
	}

	private void send(String to, String subject, String body) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.info("No mail server configured (spring.mail.host); would send to {}: {}\n{}", to, subject, body);
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		mail.send(message);
	}

}
