package org.custodian.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.custodian.agency.Agencies;
import org.custodian.disclosure.NotificationEvents.PreferencesChanged;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.RequestId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officer's own e-mail settings (the language, the kinds turned off) and the list of
 * e-mails the platform sent them.
 */
@Service
public class NotificationPreferences {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NotificationPreferences(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/** The officer's language and the kinds they turned off. */
	@Transactional(readOnly = true)
	public Settings settings(CurrentUser officer) {
		requireOfficer(officer);
		Set<NotificationKind> off = EnumSet.noneOf(NotificationKind.class);
		this.jdbc.sql("SELECT kind FROM officer_notification_opt_out WHERE officer_id = ?")
			.param(officer.officerId().value())
			.query(String.class)
			.list()
			.forEach((kind) -> off.add(NotificationKind.valueOf(kind)));
		return new Settings(this.agencies.officerLanguage(officer.officerId()).toLanguageTag(), off);
	}

	/**
	 * Sets the language and the kinds the officer wants; the kinds the law requires are
	 * sent whatever the form says.
	 * @param wanted the optional kinds to keep (the others are turned off)
	 */
	@Transactional
	public void change(CurrentUser officer, String language, Collection<String> wanted) {
		officer.require(Action.CHANGE_NOTIFICATION_PREFERENCES);
		this.agencies.requireActiveOfficer(officer.officerId());
		Set<NotificationKind> keep = EnumSet.noneOf(NotificationKind.class);
		for (String kind : wanted) {
			keep.add(Arrays.stream(NotificationKind.values())
				.filter((known) -> known.name().equals(kind))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("kinds", "is not a kind of e-mail")));
		}
		this.agencies.changeLanguage(officer, language);
		List<String> off = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			if (!kind.required() && !keep.contains(kind)) {
				off.add(kind.name());
			}
		}
		Set<NotificationKind> before = settings(officer).off();
		if (before.stream().map(Enum::name).sorted().toList().equals(off)) {
			return;
		}
		this.jdbc.sql("DELETE FROM officer_notification_opt_out WHERE officer_id = ?")
			.param(officer.officerId().value())
			.update();
		OffsetDateTime now = OfficerNotifications.utc(Instant.now(this.clock));
		for (String kind : off) {
			this.jdbc.sql("INSERT INTO officer_notification_opt_out (officer_id, kind, changed_at) VALUES (?, ?, ?)")
				.params(officer.officerId().value(), kind, now)
				.update();
		}
		this.events.publishEvent(new PreferencesChanged(officer.actor(), officer.officerId().toString(), off));
	}

	/** The e-mails the platform wrote to the officer, newest first. */
	@Transactional(readOnly = true)
	public List<Sent> sent(CurrentUser officer, int limit) {
		requireOfficer(officer);
		return this.jdbc.sql("""
				SELECT n.request_id, r.case_number, n.kind, n.status, n.created_at, n.sent_at
				FROM officer_notification n JOIN request r ON r.id = n.request_id
				WHERE n.officer_id = ? ORDER BY n.created_at DESC, n.id LIMIT ?""")
			.params(officer.officerId().value(), limit)
			.query((rs, row) -> new Sent(new RequestId(rs.getObject("request_id", UUID.class)),
					rs.getString("case_number"), NotificationKind.valueOf(rs.getString("kind")), rs.getString("status"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					(rs.getObject("sent_at", OffsetDateTime.class) != null)
							? rs.getObject("sent_at", OffsetDateTime.class).toInstant() : null))
			.list();
	}

	private void requireOfficer(CurrentUser caller) {
		if (!caller.isOfficer()) {
			throw new ForbiddenException("Only officers have e-mail settings.");
		}
		this.agencies.requireActiveOfficer(caller.officerId());
	}

	/** The officer's settings. */
	public record Settings(String language, Set<NotificationKind> off) {
	}

	/** One e-mail to the officer. */
	public record Sent(RequestId requestId, String caseNumber, NotificationKind kind, String status, Instant createdAt,
			Instant sentAt) {
	}

}
