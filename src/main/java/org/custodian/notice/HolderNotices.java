package org.custodian.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.custodian.accounts.AccountDirectory;
import org.custodian.accounts.AccountDirectory.Contact;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.web.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to an account holder about their own content (a statement of reasons after a
 * removal, the outcome of an appeal): decided in the caller's transaction with the same
 * rules as data-request notices (withheld from a compromised account or one without an
 * address, on the record), sent by a job after it commits. A notice may carry a one-time
 * link ({@code {{link}}} in its template), made when it is sent from {@link PublicUrl};
 * only the SHA-256 of the link's token is stored.
 */
@Service
public class HolderNotices {

	static final String SEND_NOW = "send-holder-notices";

	private static final Logger log = LoggerFactory.getLogger(HolderNotices.class);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AccountDirectory accounts;

	private final ObjectProvider<JavaMailSender> mail;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Void> sendNow;

	private final ApplicationEventPublisher events;

	private final PublicUrl publicUrl;

	private final String from;

	private final JsonMapper json = JsonMapper.builder().build();

	HolderNotices(JdbcClient jdbc, AccountDirectory accounts, ObjectProvider<JavaMailSender> mail,
			ObjectProvider<SchedulerClient> scheduler, @Lazy OneTimeTask<Void> sendHolderNoticesNowTask,
			ApplicationEventPublisher events, PublicUrl publicUrl,
			@Value("${custodian.notice.from:notices@platform.example}") String from) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mail = mail;
		this.scheduler = scheduler;
		this.sendNow = sendHolderNoticesNowTask;
		this.events = events;
		this.publicUrl = publicUrl;
		this.from = from;
	}

	/**
	 * One notice to write: the template ({@code notice/<template>/<tag>.txt}), what it is
	 * about (audited against it), its values, and the path of the one-time link it
	 * carries (the token is appended as {@code ?token=}), or null for none.
	 */
	public record Notice(String accountId, String template, String subjectType, UUID subjectId,
			Map<String, String> values, String linkPath) {
	}

	/** A one-time link as found by its token, and when it was sent. */
	public record Link(UUID subjectId, String accountId, boolean used, Instant createdAt) {
	}

	/**
	 * Decides the notice in the caller's transaction: due now, or withheld with its
	 * reason (audited). Repeating it for the same template, subject and account does
	 * nothing.
	 * @return the status: {@code DUE} or {@code WITHHELD}
	 */
	public String queue(Notice notice, Instant now) {
		Contact contact = this.accounts.contact(notice.accountId()).orElse(null);
		NoticePolicy.Verdict verdict = NoticePolicy.whenDue(contact);
		boolean due = verdict instanceof NoticePolicy.Send;
		String status = due ? "DUE" : "WITHHELD";
		String reason = due ? "STATEMENT_OF_REASONS" : verdict.reason();
		int inserted = this.jdbc.sql("""
				INSERT INTO holder_notice (id, account_id, template, subject_type, subject_id, "values", link_path,
				  status, reason, email, language, due_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (template, subject_id, account_id) DO NOTHING""")
			.params(UUID.randomUUID(), notice.accountId(), notice.template(), notice.subjectType(), notice.subjectId(),
					this.json.writeValueAsString(new TreeMap<>(notice.values())), notice.linkPath(), status, reason,
					(contact != null) ? contact.email() : null,
					(contact != null && contact.language() != null) ? contact.language() : "en", due ? utc(now) : null,
					utc(now))
			.update();
		if (inserted > 0 && due) {
			SchedulerClient client = this.scheduler.getIfAvailable();
			if (client != null) {
				client.scheduleIfNotExists(this.sendNow.instance(notice.subjectId() + "-" + notice.template()), now);
			}
		}
		else if (inserted > 0) {
			audit("notice.holder-withheld", notice.subjectType(), notice.subjectId(), notice.accountId(),
					notice.template(), reason);
		}
		return status;
	}

	/** Sends the holder notices that are due, each on the record; returns how many. */
	@Transactional
	public int sendDue(Instant now) {
		List<Map<String, Object>> due = this.jdbc.sql("""
				SELECT id, account_id, template, subject_type, subject_id, "values"::text AS v, link_path
				FROM holder_notice WHERE status = 'DUE' AND due_at <= ?
				ORDER BY due_at LIMIT 200 FOR UPDATE SKIP LOCKED""").param(utc(now)).query().listOfRows();
		int sent = 0;
		for (Map<String, Object> notice : due) {
			UUID id = (UUID) notice.get("id");
			String accountId = (String) notice.get("account_id");
			String template = (String) notice.get("template");
			String subjectType = (String) notice.get("subject_type");
			UUID subjectId = (UUID) notice.get("subject_id");
			Contact contact = this.accounts.contact(accountId).orElse(null);
			if (NoticePolicy.whenDue(contact) instanceof NoticePolicy.Withhold withhold) {
				this.jdbc.sql("UPDATE holder_notice SET status = 'WITHHELD', reason = ? WHERE id = ?")
					.params(withhold.reason(), id)
					.update();
				audit("notice.holder-withheld", subjectType, subjectId, accountId, template, withhold.reason());
				continue;
			}
			Map<String, String> values = new HashMap<>(
					this.json.readValue((String) notice.get("v"), new TypeReference<Map<String, String>>() {
					}));
			String linkPath = (String) notice.get("link_path");
			if (linkPath != null) {
				values.put("link", this.publicUrl.link(linkPath + "?token=" + newLink(id, subjectId, accountId, now)));
			}
			Optional<String> error = send(contact, template, values);
			if (error.isPresent()) {
				// the link made for this attempt is never sent: drop it
				this.jdbc.sql("DELETE FROM holder_notice_link WHERE notice_id = ? AND used_at IS NULL")
					.param(id)
					.update();
				this.jdbc.sql("UPDATE holder_notice SET last_error = ? WHERE id = ?").params(error.get(), id).update();
				continue;
			}
			this.jdbc.sql("""
					UPDATE holder_notice SET status = 'SENT', email = ?, sent_at = ?, last_error = NULL WHERE id = ?""")
				.params(contact.email(), utc(now), id)
				.update();
			audit("notice.holder-sent", subjectType, subjectId, accountId, template, "STATEMENT_OF_REASONS");
			sent++;
		}
		return sent;
	}

	/** The link a token opens, locked for the caller's transaction; empty if unknown. */
	public Optional<Link> link(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT subject_id, account_id, used_at, created_at FROM holder_notice_link
				WHERE token_hash = ? FOR UPDATE""")
			.param(sha256(token.strip()))
			.query((rs, row) -> new Link(rs.getObject("subject_id", UUID.class), rs.getString("account_id"),
					rs.getObject("used_at") != null, rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Marks a link used, in the caller's transaction: it opens nothing again. */
	public void use(String token, Instant now) {
		this.jdbc.sql("UPDATE holder_notice_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(utc(now), sha256(token.strip()))
			.update();
	}

	private String newLink(UUID noticeId, UUID subjectId, String accountId, Instant now) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				INSERT INTO holder_notice_link (token_hash, notice_id, subject_id, account_id, created_at)
				VALUES (?, ?, ?, ?, ?)""").params(sha256(token), noticeId, subjectId, accountId, utc(now)).update();
		return token;
	}

	private Optional<String> send(Contact contact, String template, Map<String, String> values) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Optional.of("No mail server is configured (spring.mail.host)");
		}
		NoticeTemplates.Message message = NoticeTemplates.render(template, contact.language(), values);
		Optional<String> error = NoticeMail.send(sender, this.from, contact.email(), message);
		error.ifPresent((problem) -> log.warn("A {} notice could not be sent: {}", template, problem));
		return error;
	}

	private void audit(String action, String subjectType, UUID subjectId, String accountId, String template,
			String reason) {
		this.events.publishEvent(new AuditedAction(Actor.SYSTEM, action, subjectType, subjectId.toString(),
				new TreeMap<>(Map.of("accountId", accountId, "template", template, "reason", reason))));
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
