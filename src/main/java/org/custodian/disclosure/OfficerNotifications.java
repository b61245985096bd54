package org.custodian.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.custodian.disclosure.DisclosureEvents.DisclosureEvent;
import org.custodian.review.CaseEvents.RequestTransitioned;
import org.custodian.review.CaseStatus;
import org.custodian.review.Outcome;
import org.custodian.review.RejectionReason;
import org.custodian.review.RequestsTransitioned;
import org.custodian.shared.RequestId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which officer is e-mailed about what: listens to what happens to requests and
 * writes each notification in the transaction of the change (so a change that rolls back
 * tells nobody), then asks the job to send it once that transaction has committed. A kind
 * the officer turned off is not written, unless the law requires it.
 */
@Service
public class OfficerNotifications {

	/*
	 * The recipient is the request's officer, read from intake's table in the same
	 * statement that writes the notifications, so that a pause holding thousands of
	 * requests writes their notifications in one statement too.
	 */
	private static final String INSERT = """
			INSERT INTO officer_notification (id, officer_id, request_id, kind, reason, outcome, rejection, expires_at,
			  created_at, next_attempt_at, once_key)
			SELECT gen_random_uuid(), r.id_officer, r.id, :kind, %s, :outcome, :rejection, %s, :now, :now, %s
			FROM (SELECT id, officer_id AS id_officer FROM request WHERE %s) r %s
			WHERE (:required OR NOT EXISTS (SELECT 1 FROM officer_notification_opt_out o
			  WHERE o.officer_id = r.id_officer AND o.kind = :kind))
			ON CONFLICT (once_key) DO NOTHING""";

	private final JdbcClient jdbc;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<Void> sendNow;

	private final Clock clock;

	OfficerNotifications(JdbcClient jdbc, ObjectProvider<SchedulerClient> scheduler,
			@Qualifier("sendOfficerNotificationsNowTask") OneTimeTask<Void> sendNow, Clock clock) {
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.sendNow = sendNow;
		this.clock = clock;
	}

	/** One request moved: a question, a hold, a decision or a refusal is e-mailed. */
	@EventListener
	public void on(RequestTransitioned moved) {
		switch (moved.to()) {
			case NEEDS_INFO -> queue(moved.requestId(), NotificationKind.QUESTION_WAITING, moved.reason(), null, null);
			case ON_HOLD -> queue(moved.requestId(), NotificationKind.REQUEST_HELD, moved.reason(), null, null);
			case APPROVED, CLOSED -> {
				if (moved.from() == CaseStatus.PENDING_APPROVAL) {
					queue(moved.requestId(), NotificationKind.REQUEST_DECIDED, null, outcome(moved), null);
				}
			}
			case REJECTED ->
				queue(moved.requestId(), NotificationKind.REQUEST_REJECTED, null, outcome(moved), rejection(moved));
			default -> {
			}
		}
	}

	/** A pause held many requests at once: one notification each, in one statement. */
	@EventListener
	public void on(RequestsTransitioned moved) {
		if (moved.subjectIds().isEmpty() || !CaseStatus.ON_HOLD.name().equals(moved.details().get(0).get("to"))) {
			return;
		}
		Instant now = Instant.now(this.clock);
		int written = this.jdbc
			.sql(INSERT.formatted("c.hold_reason", "NULL", "NULL", "id = ANY(:ids::uuid[])",
					"JOIN review_case c ON c.request_id = r.id"))
			.param("ids", moved.subjectIds().toArray(String[]::new))
			.param("kind", NotificationKind.REQUEST_HELD.name())
			.param("outcome", null)
			.param("rejection", null)
			.param("now", utc(now))
			.param("required", NotificationKind.REQUEST_HELD.required())
			.update();
		sendSoon(written, now);
	}

	/** The package is ready to download: the officer is told until when. */
	@EventListener
	public void on(DisclosureEvent event) {
		if ("production.built".equals(event.action())) {
			queue(event.requestId(), NotificationKind.PRODUCTION_READY, null, null, null);
		}
	}

	/**
	 * Writes a warning for each package that expires within the given time after
	 * {@code now} and has not been warned of yet; it is due at once.
	 * @return how many were written
	 */
	@Transactional
	public int warnOfExpiry(Instant now, Duration within) {
		int written = this.jdbc
			.sql(INSERT.formatted("NULL", "p.expires_at", "'PACKAGE_EXPIRING:' || r.id",
					"id IN (SELECT request_id FROM production WHERE status = 'PRODUCED' AND expires_at > :from"
							+ " AND expires_at <= :until)",
					"JOIN production p ON p.request_id = r.id"))
			.param("from", utc(now))
			.param("until", utc(now.plus(within)))
			.param("kind", NotificationKind.PACKAGE_EXPIRING.name())
			.param("outcome", null)
			.param("rejection", null)
			.param("now", utc(Instant.now(this.clock)))
			.param("required", NotificationKind.PACKAGE_EXPIRING.required())
			.update();
		sendSoon(written, Instant.now(this.clock));
		return written;
	}

	private void queue(RequestId id, NotificationKind kind, String reason, String outcome, String rejection) {
		Instant now = Instant.now(this.clock);
		String expiry = (kind == NotificationKind.PRODUCTION_READY)
				? "(SELECT expires_at FROM production WHERE request_id = r.id)" : "NULL";
		int written = this.jdbc.sql(INSERT.formatted(":reason", expiry, "NULL", "id = :id", ""))
			.param("id", id.value())
			.param("reason", reason)
			.param("kind", kind.name())
			.param("outcome", outcome)
			.param("rejection", rejection)
			.param("now", utc(now))
			.param("required", kind.required())
			.update();
		sendSoon(written, now);
	}

	/**
	 * The job runs once this transaction commits (db-scheduler writes its row in it), and
	 * the recurring one picks up whatever it misses.
	 */
	private void sendSoon(int written, Instant now) {
		SchedulerClient client = this.scheduler.getIfAvailable();
		if (written > 0 && client != null) {
			client.scheduleIfNotExists(this.sendNow.instance(UUID.randomUUID().toString()), now);
		}
	}

	private static String outcome(RequestTransitioned moved) {
		Object outcome = moved.extra().get("outcome");
		return (outcome != null) ? outcome.toString() : null;
	}

	private static String rejection(RequestTransitioned moved) {
		Object rejection = moved.extra().get("rejectionReason");
		if (rejection != null) {
			return rejection.toString();
		}
		return Outcome.REQUIRE_MLAT.name().equals(outcome(moved)) ? RejectionReason.REQUIRES_MLAT.name() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
