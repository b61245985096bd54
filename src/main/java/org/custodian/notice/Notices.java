package org.custodian.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.Action;
import org.custodian.accounts.Account;
import org.custodian.accounts.AccountDirectory;
import org.custodian.accounts.AccountDirectory.Contact;
import org.custodian.agency.Agencies;
import org.custodian.intake.RequestStatuses;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.review.CaseEvents.RequestTransitioned;
import org.custodian.review.CaseQueries;
import org.custodian.review.CaseStatus;
import org.custodian.shared.RequestId;
import org.custodian.shared.TargetKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User notice: when a disclosure is approved, each targeted account's holder is told by
 * e-mail before the data leaves, or the notice is delayed or withheld with its reason on
 * the record; a job sends what has become due.
 */
@Service
public class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private final JdbcClient jdbc;

	private final Requests requests;

	private final Agencies agencies;

	private final AccountDirectory accounts;

	private final CaseQueries queries;

	private final RequestStatuses statuses;

	private final ObjectProvider<JavaMailSender> mail;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Void> sendNow;

	private final ApplicationEventPublisher events;

	private final String from;

	private final Duration emergencyDelay;

	private final Clock clock;

	Notices(JdbcClient jdbc, Requests requests, Agencies agencies, AccountDirectory accounts, CaseQueries queries,
			RequestStatuses statuses, ObjectProvider<JavaMailSender> mail, ObjectProvider<SchedulerClient> scheduler,
			@Lazy OneTimeTask<Void> sendNoticesNowTask, ApplicationEventPublisher events,
			@Value("${custodian.notice.from:notices@platform.example}") String from,
			@Value("${custodian.notice.emergency-delay:90d}") Duration emergencyDelay, Clock clock) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.agencies = agencies;
		this.accounts = accounts;
		this.queries = queries;
		this.statuses = statuses;
		this.mail = mail;
		this.scheduler = scheduler;
		this.sendNow = sendNoticesNowTask;
		this.events = events;
		this.from = from;
		this.emergencyDelay = emergencyDelay;
		this.clock = clock;
	}

	/**
	 * Decides every target's notice in the approval's transaction; the ones to send now
	 * are sent by a job right after it commits, and the production is released only once
	 * they are sent (see {@code disclosure.ReleaseGate}).
	 */
	@EventListener
	public void on(RequestTransitioned transitioned) {
		// An approval met by a production pause is held at once: no disclosure is
		// intended.
		if (transitioned.to() != CaseStatus.APPROVED
				|| !CaseStatus.APPROVED.name().equals(this.statuses.statusOf(transitioned.requestId()))) {
			return;
		}
		SubmittedRequest request = this.requests.find(transitioned.requestId()).orElseThrow();
		Instant now = Instant.now(this.clock);
		for (Account account : targets(request)) {
			Contact contact = this.accounts.contact(account.id()).orElse(null);
			NoticePolicy.Verdict verdict = NoticePolicy.decide(request.type(), request.nonDisclosureUntil(), now,
					contact, this.emergencyDelay);
			String status = "WITHHELD";
			Instant due = null;
			if (verdict instanceof NoticePolicy.Send) {
				status = "DUE";
				due = now;
			}
			else if (verdict instanceof NoticePolicy.Delay delay) {
				status = "DELAYED";
				due = delay.until();
			}
			int inserted = this.jdbc
				.sql("""
						INSERT INTO user_notice (id, request_id, account_id, status, reason, email, language, due_at, created_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id, account_id) DO NOTHING""")
				.params(UUID.randomUUID(), request.id().value(), account.id(), status, verdict.reason(),
						(contact != null) ? contact.email() : null,
						(contact != null && contact.language() != null) ? contact.language() : "en",
						(due != null) ? utc(due) : null, utc(now))
				.update();
			if (inserted > 0 && "DUE".equals(status)) {
				SchedulerClient client = this.scheduler.getIfAvailable();
				if (client != null) {
					client.scheduleIfNotExists(this.sendNow.instance(request.id().toString()), now);
				}
			}
			else if (inserted > 0) {
				this.events.publishEvent(
						new NoticeEvent(request.id(), "DELAYED".equals(status) ? "notice.delayed" : "notice.withheld",
								account.id(), verdict.reason()));
			}
		}
	}

	/** Sends the notices that are due, each on the record; returns how many were sent. */
	@Transactional
	public int sendDue(Instant now) {
		List<Map<String, Object>> due = this.jdbc.sql("""
				SELECT id, request_id, account_id, status, email, language FROM user_notice
				WHERE status IN ('DUE', 'DELAYED') AND due_at <= ? ORDER BY due_at LIMIT 200 FOR UPDATE SKIP LOCKED""")
			.param(utc(now))
			.query()
			.listOfRows();
		int sent = 0;
		for (Map<String, Object> notice : due) {
			RequestId requestId = new RequestId((UUID) notice.get("request_id"));
			String accountId = (String) notice.get("account_id");
			UUID id = (UUID) notice.get("id");
			Contact contact = this.accounts.contact(accountId).orElse(null);
			if (NoticePolicy.whenDue(contact) instanceof NoticePolicy.Withhold withhold) {
				update(id, "WITHHELD", withhold.reason(), null, null);
				this.events.publishEvent(new NoticeEvent(requestId, "notice.withheld", accountId, withhold.reason()));
				continue;
			}
			Optional<String> error = send(requestId, accountId, contact);
			if (error.isPresent()) {
				this.jdbc.sql("UPDATE user_notice SET last_error = ? WHERE id = ?").params(error.get(), id).update();
				continue;
			}
			update(id, "SENT", (String) notice.get("status"), contact.email(), now);
			this.events.publishEvent(new NoticeEvent(requestId, "notice.sent", accountId,
					"DUE".equals(notice.get("status")) ? "NOTICE_BEFORE_DISCLOSURE" : "DELAY_ENDED"));
			sent++;
		}
		return sent;
	}

	/**
	 * The targeted accounts whose holder must still be told before the data may leave: no
	 * notice decided yet, or a notice due but not sent (see
	 * {@link NoticePolicy#settles}). Empty when the disclosure may go ahead.
	 */
	@Transactional(readOnly = true)
	public List<String> awaited(RequestId id) {
		SubmittedRequest request = this.requests.find(id).orElseThrow();
		Map<String, Boolean> settled = new HashMap<>();
		this.jdbc.sql("SELECT account_id, status, reason FROM user_notice WHERE request_id = ?")
			.param(id.value())
			.query((rs, row) -> settled.put(rs.getString("account_id"),
					NoticePolicy.settles(rs.getString("status"), rs.getString("reason"))))
			.list();
		return targets(request).stream()
			.map(Account::id)
			.distinct()
			.filter((account) -> !settled.getOrDefault(account, false))
			.toList();
	}

	/** The notices of a request, for staff. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> of(RequestId id, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		return this.jdbc.sql("""
				SELECT account_id, status, reason, language, due_at, sent_at, last_error FROM user_notice
				WHERE request_id = ? ORDER BY account_id""").param(id.value()).query((rs, row) -> {
			Map<String, Object> notice = new LinkedHashMap<>();
			notice.put("accountId", rs.getString("account_id"));
			notice.put("status", rs.getString("status"));
			notice.put("reason", rs.getString("reason"));
			notice.put("language", rs.getString("language"));
			OffsetDateTime dueAt = rs.getObject("due_at", OffsetDateTime.class);
			OffsetDateTime sentAt = rs.getObject("sent_at", OffsetDateTime.class);
			notice.put("dueAt", (dueAt != null) ? dueAt.toInstant() : null);
			notice.put("sentAt", (sentAt != null) ? sentAt.toInstant() : null);
			notice.put("lastError", rs.getString("last_error"));
			return notice;
		}).list();
	}

	private List<Account> targets(SubmittedRequest request) {
		return this.accounts.resolveAll(request.targets()
			.stream()
			.map((target) -> new AccountDirectory.Identifier(target.kind(), target.value()))
			.toList());
	}

	private Optional<String> send(RequestId requestId, String accountId, Contact contact) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return Optional.of("No mail server is configured (spring.mail.host)");
		}
		SubmittedRequest request = this.requests.find(requestId).orElseThrow();
		Agencies.AgencyView agency = this.agencies.find(request.agencyId()).orElseThrow();
		String username = this.accounts.resolve(TargetKind.USER_ID, accountId).map(Account::username).orElse(accountId);
		NoticeTemplates.Message message = NoticeTemplates.render(contact.language(), Map.of("caseNumber",
				request.caseNumber(), "agency", agency.name(), "jurisdiction", agency.jurisdiction().code(), "username",
				(username != null) ? username : accountId, "categories", String.join(", ",
						this.queries.approvedCategories(requestId).stream().map(Enum::name).sorted().toList())));
		Optional<String> error = NoticeMail.send(sender, this.from, contact.email(), message);
		error.ifPresent((problem) -> log.warn("Notice for request {} could not be sent: {}", requestId, problem));
		return error;
	}

	private void update(UUID id, String status, String reason, String email, Instant sentAt) {
		this.jdbc
			.sql("""
					UPDATE user_notice SET status = ?, reason = ?, email = coalesce(?, email), sent_at = ?, last_error = NULL
					WHERE id = ?""")
			.params(status, reason, email, (sentAt != null) ? utc(sentAt) : null, id)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
