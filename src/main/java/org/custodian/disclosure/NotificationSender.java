package org.custodian.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.custodian.agency.Agencies;
import org.custodian.agency.Agencies.OfficerView;
import org.custodian.disclosure.NotificationEvents.OfficerNotified;
import org.custodian.intake.Requests;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.web.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the officers' e-mails that are due, each at most once: a notification is claimed
 * (SENDING) in a transaction of its own before the mail server is called, and marked SENT
 * in another afterwards, with its audit event. A refused attempt goes back to PENDING and
 * is tried again later, each time after twice the delay; a node that dies between the two
 * leaves it in SENDING, where nobody sends it again.
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final NotificationMail mail;

	private final Agencies agencies;

	private final Requests requests;

	private final PublicUrl publicUrl;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int maxAttempts;

	private final Duration retryDelay;

	NotificationSender(JdbcClient jdbc, NotificationMail mail, Agencies agencies, Requests requests,
			PublicUrl publicUrl, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock,
			@Value("${custodian.notification.max-attempts:5}") int maxAttempts,
			@Value("${custodian.notification.retry-delay:1m}") Duration retryDelay) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.agencies = agencies;
		this.requests = requests;
		this.publicUrl = publicUrl;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
	}

	/**
	 * Sends every notification due now.
	 * @return how many were sent
	 */
	int sendDue() {
		int sent = 0;
		List<Claimed> claimed;
		do {
			Instant now = Instant.now(this.clock);
			claimed = this.transaction.execute((tx) -> claim(now));
			for (Claimed notification : claimed) {
				sent += send(notification) ? 1 : 0;
			}
		}
		while (claimed.size() == BATCH);
		return sent;
	}

	private List<Claimed> claim(Instant now) {
		return this.jdbc.sql("""
				UPDATE officer_notification SET status = 'SENDING', attempts = attempts + 1
				WHERE id IN (SELECT id FROM officer_notification WHERE status = 'PENDING' AND next_attempt_at <= ?
				  ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, officer_id, request_id, kind, reason, outcome, rejection, expires_at, attempts""")
			.params(OfficerNotifications.utc(now), BATCH)
			.query((rs, row) -> {
				java.time.OffsetDateTime expires = rs.getObject("expires_at", java.time.OffsetDateTime.class);
				return new Claimed(rs.getObject("id", UUID.class),
						new OfficerId(rs.getObject("officer_id", UUID.class)),
						new RequestId(rs.getObject("request_id", UUID.class)),
						NotificationKind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("outcome"),
						rs.getString("rejection"), (expires != null) ? expires.toInstant() : null,
						rs.getInt("attempts"));
			})
			.list();
	}

	private boolean send(Claimed notification) {
		try {
			OfficerView officer = this.agencies.findOfficer(notification.officer()).orElseThrow();
			Locale locale = this.agencies.officerLanguage(notification.officer());
			String caseNumber = this.requests.find(notification.request()).orElseThrow().caseNumber();
			Map<String, Object> variables = new HashMap<>();
			variables.put("name", officer.name());
			variables.put("caseNumber", caseNumber);
			variables.put("link", this.publicUrl.link("/portal/requests/" + notification.request()));
			variables.put("preferencesLink", this.publicUrl.link("/portal/notifications"));
			variables.put("reason", notification.reason());
			variables.put("outcome", notification.outcome());
			variables.put("rejection", notification.rejection());
			variables.put("expiresAt",
					(notification.expiresAt() != null) ? EXPIRY.format(notification.expiresAt()) : null);
			this.mail.send(officer.email(), locale, notification.kind(), variables);
		}
		catch (RuntimeException ex) {
			failed(notification, ex);
			return false;
		}
		this.transaction.executeWithoutResult((tx) -> {
			this.jdbc
				.sql("UPDATE officer_notification SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ?")
				.params(OfficerNotifications.utc(Instant.now(this.clock)), notification.id())
				.update();
			this.events.publishEvent(new OfficerNotified(notification.request(), "officer.notified",
					notification.officer().toString(), notification.kind(), notification.id().toString()));
		});
		return true;
	}

	private void failed(Claimed notification, RuntimeException ex) {
		boolean last = notification.attempts() >= this.maxAttempts;
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		log.warn("E-mail {} to an officer failed (attempt {} of {}): {}", notification.id(), notification.attempts(),
				this.maxAttempts, error);
		Instant next = Instant.now(this.clock).plus(this.retryDelay.multipliedBy(1L << (notification.attempts() - 1)));
		this.transaction.executeWithoutResult((tx) -> {
			this.jdbc
				.sql("UPDATE officer_notification SET status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
				.params(last ? "FAILED" : "PENDING", error, OfficerNotifications.utc(next), notification.id())
				.update();
			if (last) {
				this.events.publishEvent(new OfficerNotified(notification.request(), "officer.notification-failed",
						notification.officer().toString(), notification.kind(), notification.id().toString()));
			}
		});
	}

	private record Claimed(UUID id, OfficerId officer, RequestId request, NotificationKind kind, String reason,
			String outcome, String rejection, Instant expiresAt, int attempts) {
	}

}
