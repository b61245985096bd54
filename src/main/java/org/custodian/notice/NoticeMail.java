package org.custodian.notice;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends one rendered notice as plain-text mail in its language. */
final class NoticeMail {

	private NoticeMail() {
	}

	/**
	 * @return empty when sent, else what went wrong (for the record)
	 */
	static Optional<String> send(JavaMailSender sender, String from, String to, NoticeTemplates.Message message) {
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(message.subject());
			helper.setText(message.body());
			mime.setHeader("Content-Language", message.language());
			sender.send(mime);
			return Optional.empty();
		}
		catch (MailException | MessagingException ex) {
			return Optional.of(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

}
