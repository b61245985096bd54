package org.custodian.removal;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.custodian.support.TestMail;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Account holders on the platform, and the posts they own on the sample platform, with
 * their mailbox on the test run's SMTP server (GreenMail).
 */
public final class Holders {

	static final GreenMail mail = TestMail.server();

	private final JdbcClient jdbc;

	public Holders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A holder: the account id and their own mail domain. */
	public record Holder(String accountId, String domain) {

		String email() {
			return this.accountId + "@" + this.domain;
		}

	}

	public Holder holder(boolean compromised) {
		String id = "h" + UUID.randomUUID().toString().substring(0, 8);
		String domain = "u" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		this.jdbc.sql("""
				INSERT INTO platform_account (id, username, email, home_jurisdiction, language, compromised)
				VALUES (?, ?, ?, 'MC', 'en', ?)""").params(id, id, id + "@" + domain, compromised).update();
		return new Holder(id, domain);
	}

	/** A post of the holder's on the sample platform; returns its id. */
	public String postBy(Holder holder) {
		String post = Removals.post();
		this.jdbc.sql("INSERT INTO sample_platform_item (value, owner_account, changed_at) VALUES (?, ?, now())")
			.params(post, holder.accountId())
			.update();
		return post;
	}

	public MimeMessage awaitMail(Holder holder, String subjectPart) {
		// a notice's link is committed before its mail leaves: it opens as soon as it
		// arrives
		await().atMost(Duration.ofSeconds(20)).until(() -> find(holder, subjectPart) != null);
		return find(holder, subjectPart);
	}

	int mailCount(Holder holder) {
		return mail.getReceivedMessagesForDomain(holder.domain()).length;
	}

	private static MimeMessage find(Holder holder, String subjectPart) {
		for (MimeMessage message : mail.getReceivedMessagesForDomain(holder.domain())) {
			try {
				if (message.getSubject().contains(subjectPart)) {
					return message;
				}
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return null;
	}

	static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
	}

	/** The appeal token in a notice's link. */
	public static String token(MimeMessage message) {
		Matcher link = Pattern.compile("(http://\\S+/appeal\\?token=)([A-Za-z0-9_-]+)").matcher(body(message));
		assertThat(link.find()).as(body(message)).isTrue();
		return link.group(2);
	}

	/** The whole appeal link in a notice. */
	public static String link(MimeMessage message) {
		Matcher link = Pattern.compile("http://\\S+/appeal\\?token=[A-Za-z0-9_-]+").matcher(body(message));
		assertThat(link.find()).as(body(message)).isTrue();
		return link.group();
	}

}
