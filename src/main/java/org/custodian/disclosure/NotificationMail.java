package org.custodian.disclosure;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Renders an officer's e-mail from {@code templates/mail/officer-notification.txt} and
 * {@code .html} (Thymeleaf, the texts from the message bundles in the officer's language)
 * and hands it to the mail server. Without a mail server (development) it is logged.
 */
@Component
class NotificationMail {

	private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

	private static final String TEMPLATE = "officer-notification";

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final SpringTemplateEngine templates;

	private final String from;

	NotificationMail(ObjectProvider<JavaMailSender> sender, MessageSource messages,
			@Value("${custodian.mail.from:custodian@localhost}") String from) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateEngineMessageSource(messages);
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setCheckExistence(true);
		return resolver;
	}

	/**
	 * Sends one notification; throws when the mail server refuses it, so the caller can
	 * try again later.
	 * @param variables what the templates show: {@code kind}, {@code name},
	 * {@code caseNumber}, {@code link} and, by kind, {@code reason}, {@code outcome},
	 * {@code rejection}, {@code expiresAt}
	 */
	void send(String to, Locale locale, NotificationKind kind, Map<String, Object> variables) {
		Context context = new Context(locale, variables);
		context.setVariable("kind", kind.name());
		String caseNumber = (String) variables.get("caseNumber");
		String subject = this.messages.getMessage("notification." + kind.name() + ".subject",
				new Object[] { caseNumber }, locale);
		String text = this.templates.process(TEMPLATE + ".txt", context);
		String html = this.templates.process(TEMPLATE + ".html", context);
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.info("No mail server configured (spring.mail.host); would send {} about {}", kind, caseNumber);
			return;
		}
		MimeMessage message = mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		mail.send(message);
	}

}
