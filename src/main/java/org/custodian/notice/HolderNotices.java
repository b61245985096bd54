package org.custodian.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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

	static final int BATCH = 200;

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

	private final TransactionTemplate transaction;

	private final Duration claimTimeout;

	private final JsonMapper json = JsonMapper.builder().build();

	HolderNotices(JdbcClient jdbc, AccountDirectory accounts, ObjectProvider<JavaMailSender> mail,
			ObjectProvider<SchedulerClient> scheduler, @Lazy OneTimeTask<Void> sendHolderNoticesNowTask,
			ApplicationEventPublisher events, PublicUrl publicUrl,
			@Value("${custodian.notice.from:notices@platform.example}") String from,
			PlatformTransactionManager transactions,
			@Value("${custodian.notice.claim-timeout:10m}") Duration claimTimeout) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mail = mail;
		this.scheduler = scheduler;
		this.sendNow = sendHolderNoticesNowTask;
		this.events = events;
		this.publicUrl = publicUrl;
		this.from = from;
		this.transaction = new TransactionTemplate(transactions);
		// a notice is committed on its own even when the caller has a transaction
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.claimTimeout = claimTimeout;
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

	/**
	 * Sends the holder notices that are due (at most {@value #BATCH} a call), each on the
	 * record; returns how many were sent. Each is claimed (SENDING) and its link
	 * committed in a transaction of its own before its mail leaves, and marked SENT with
	 * its audit event in another afterwards, so a link is known before it can be clicked
	 * and one notice's failure undoes no other's mail. A notice that cannot be sent goes
	 * back to DUE with the error, for the next call; a claim older than the claim timeout
	 * (the node died between the mail and the mark) is taken again.
	 */
	public int sendDue(Instant now) {
		Set<UUID> tried = new HashSet<>();
		int sent = 0;
		while (tried.size() < BATCH) {
			UUID[] current = new UUID[1];
			Optional<Claimed> claimed;
			try {
				claimed = this.transaction.execute((tx) -> claim(now, tried, current));
			}
			catch (RuntimeException ex) {
				if (current[0] == null) {
					throw ex;
				}
				// a notice that cannot even be prepared: its claim and link are rolled
				// back, the error is on the record, and the others go on
				log.warn("Holder notice {} could not be prepared: {}", current[0], ex.toString());
				tried.add(current[0]);
				this.transaction
					.executeWithoutResult((tx) -> this.jdbc.sql("UPDATE holder_notice SET last_error = ? WHERE id = ?")
						.params(ex.getClass().getSimpleName() + ": " + ex.getMessage(), current[0])
						.update());
				continue;
			}
			if (claimed.isEmpty()) {
				break;
			}
			tried.add(claimed.get().id());
			if (claimed.get().message() != null) {
				sent += deliver(claimed.get(), now) ? 1 : 0;
			}
		}
		return sent;
	}

	/** The next notice to send now, not yet tried in this call, locked; or null. */
	private UUID next(Instant now, Set<UUID> tried) {
		return this.jdbc.sql("""
				SELECT id FROM holder_notice
				WHERE ((status = 'DUE' AND due_at <= ?) OR (status = 'SENDING' AND claimed_at < now() - ?::interval))
				  AND id <> ALL (?::uuid[])
				ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.params(utc(now), this.claimTimeout.toSeconds() + " seconds",
					tried.stream().map(UUID::toString).toArray(String[]::new))
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Claims the next notice and commits its link with the claim; withholds it instead
	 * (on the record) if the holder may no longer be told. Its message is null then.
	 */
	private Optional<Claimed> claim(Instant now, Set<UUID> tried, UUID[] current) {
		UUID id = next(now, tried);
		if (id == null) {
			return Optional.empty();
		}
		current[0] = id;
		Map<String, Object> notice = this.jdbc.sql("""
				UPDATE holder_notice SET status = 'SENDING', claimed_at = now() WHERE id = ?
				RETURNING account_id, template, subject_type, subject_id, "values"::text AS v, link_path""")
			.param(id)
			.query()
			.singleRow();
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
			return Optional.of(new Claimed(id, accountId, template, subjectType, subjectId, null, null, null));
		}
		Map<String, String> values = new HashMap<>(
				this.json.readValue((String) notice.get("v"), new TypeReference<Map<String, String>>() {
				}));
		String linkPath = (String) notice.get("link_path");
		String tokenHash = null;
		if (linkPath != null) {
			String token = newLink(id, subjectId, accountId, now);
			tokenHash = sha256(token);
			values.put("link", this.publicUrl.link(linkPath + "?token=" + token));
		}
		NoticeTemplates.Message message = NoticeTemplates.render(template, contact.language(), values);
		return Optional
			.of(new Claimed(id, accountId, template, subjectType, subjectId, contact.email(), message, tokenHash));
	}

	/** Sends a claimed notice's mail, then marks it SENT, or DUE again with the error. */
	private boolean deliver(Claimed notice, Instant now) {
		Optional<String> error;
		JavaMailSender sender = this.mail.getIfAvailable();
		try {
			error = (sender != null) ? NoticeMail.send(sender, this.from, notice.email(), notice.message())
					: Optional.of("No mail server is configured (spring.mail.host)");
		}
		catch (RuntimeException ex) {
			error = Optional.of(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		if (error.isPresent()) {
			log.warn("A {} notice could not be sent: {}", notice.template(), error.get());
			String problem = error.get();
			this.transaction.executeWithoutResult((tx) -> {
				// the link made for this attempt was never sent: drop it (not those of
				// an earlier attempt, which may have been)
				if (notice.tokenHash() != null) {
					this.jdbc.sql("DELETE FROM holder_notice_link WHERE token_hash = ? AND used_at IS NULL")
						.param(notice.tokenHash())
						.update();
				}
				this.jdbc.sql("""
						UPDATE holder_notice SET status = 'DUE', claimed_at = NULL, last_error = ?
						WHERE id = ? AND status = 'SENDING'""").params(problem, notice.id()).update();
			});
			return false;
		}
		return Boolean.TRUE.equals(this.transaction.execute((tx) -> {
			int marked = this.jdbc
				.sql("""
						UPDATE holder_notice SET status = 'SENT', email = ?, sent_at = ?, claimed_at = NULL, last_error = NULL
						WHERE id = ? AND status = 'SENDING'""")
				.params(notice.email(), utc(now), notice.id())
				.update();
			if (marked > 0) {
				audit("notice.holder-sent", notice.subjectType(), notice.subjectId(), notice.accountId(),
						notice.template(), "STATEMENT_OF_REASONS");
			}
			return marked > 0;
		}));
	}

	/**
	 * The link a token opens, locked for the caller's transaction with the other links of
	 * its notice; empty if unknown. A notice sent twice (its first mail's mark was lost)
	 * has two links: once either is used, both count as used.
	 */
	public Optional<Link> link(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(token.strip());
		List<Map.Entry<String, Link>> links = this.jdbc.sql("""
				SELECT token_hash, subject_id, account_id, used_at, created_at FROM holder_notice_link
				WHERE notice_id = (SELECT notice_id FROM holder_notice_link WHERE token_hash = ?)
				ORDER BY token_hash FOR UPDATE""")
			.param(hash)
			.query((rs, row) -> Map.entry(rs.getString("token_hash"),
					new Link(rs.getObject("subject_id", UUID.class), rs.getString("account_id"),
							rs.getObject("used_at") != null,
							rs.getObject("created_at", OffsetDateTime.class).toInstant())))
			.list();
		boolean used = links.stream().anyMatch((link) -> link.getValue().used());
		return links.stream()
			.filter((link) -> hash.equals(link.getKey()))
			.findFirst()
			.map((link) -> new Link(link.getValue().subjectId(), link.getValue().accountId(), used,
					link.getValue().createdAt()));
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

	/** A notice claimed for sending; no e-mail and message where it was withheld. */
	private record Claimed(UUID id, String accountId, String template, String subjectType, UUID subjectId, String email,
			NoticeTemplates.Message message, String tokenHash) {
	}

}
