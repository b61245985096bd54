package org.custodian.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.custodian.identity.StaffAccounts;
import org.custodian.shared.Actor;
import org.custodian.shared.AuditableEvent;
import org.custodian.shared.StaffId;
import org.custodian.shared.web.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily e-mail to the response team's lead ({@code custodian.deadlines.digest-to},
 * ADR 0015) of the open requests past their due time, most urgent first, each with a link
 * to its case built from the configured public URL.
 */
@Service
class OverdueDigest {

	/** The cases listed one by one; the rest are counted. */
	static final int LISTED = 100;

	private static final Logger log = LoggerFactory.getLogger(OverdueDigest.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;

	private final Deadlines deadlines;

	private final StaffAccounts staff;

	private final MessageSource messages;

	private final PublicUrl publicUrl;

	private final ObjectProvider<JavaMailSender> sender;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String from;

	OverdueDigest(JdbcClient jdbc, Deadlines deadlines, StaffAccounts staff, MessageSource messages,
			PublicUrl publicUrl, ObjectProvider<JavaMailSender> sender, ApplicationEventPublisher events, Clock clock,
			@Value("${custodian.mail.from:custodian@localhost}") String from) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.staff = staff;
		this.messages = messages;
		this.publicUrl = publicUrl;
		this.sender = sender;
		this.events = events;
		this.clock = clock;
		this.from = from;
	}

	/**
	 * Sends today's digest, if a lead's address is configured and a mail server is; an
	 * empty digest is sent too, so that silence never reads as "nothing overdue".
	 * @return how many requests were overdue
	 */
	@Transactional
	int send() {
		String to = this.deadlines.digestTo();
		Instant now = Instant.now(this.clock);
		if (to.isEmpty()) {
			return 0;
		}
		List<Overdue> overdue = this.jdbc.sql("""
				SELECT request_id, case_number, type, status, due_at, assignee_id FROM review_case
				WHERE open AND due_at < ? ORDER BY urgency, due_at, request_id LIMIT ?""")
			.params(Cases.utc(now), LISTED)
			.query((rs, row) -> new Overdue(rs.getObject("request_id", UUID.class), rs.getString("case_number"),
					rs.getString("type"), rs.getString("status"),
					rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getObject("assignee_id", UUID.class)))
			.list();
		int total = (overdue.size() < LISTED) ? overdue.size()
				: this.jdbc.sql("SELECT count(*) FROM review_case WHERE open AND due_at < ?")
					.param(Cases.utc(now))
					.query(Integer.class)
					.single();
		Locale locale = Locale.forLanguageTag(this.deadlines.digestLanguage());
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.info("No mail server configured (spring.mail.host): the overdue digest ({} requests) is not sent",
					total);
			return total;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(text("mail.digest.subject", locale, total));
		message.setText(body(overdue, total, locale));
		mail.send(message);
		this.events.publishEvent(new DigestSent(LocalDate.ofInstant(now, ZoneOffset.UTC), to, total,
				overdue.stream().map(Overdue::caseNumber).toList()));
		return total;
	}

	private String body(List<Overdue> overdue, int total, Locale locale) {
		Map<UUID, String> names = new HashMap<>();
		StringBuilder body = new StringBuilder(text("mail.digest.intro", locale, total)).append("\n\n");
		for (Overdue item : overdue) {
			String assignee = (item.assignee() == null) ? text("mail.digest.unassigned", locale)
					: names.computeIfAbsent(item.assignee(),
							(id) -> this.staff.find(new StaffId(id)).map(StaffAccounts.StaffMember::name).orElse(""));
			body.append(text("mail.digest.line", locale, item.caseNumber(), text("type." + item.type(), locale),
					text("status." + item.status(), locale), TIME.format(item.dueAt()), assignee))
				.append("\n  ")
				.append(this.publicUrl.link("/console/cases/" + item.id()))
				.append("\n");
		}
		String queue = this.publicUrl.link("/console/cases?status=OPEN&overdue=true&sort=due");
		if (total > overdue.size()) {
			body.append("\n").append(text("mail.digest.more", locale, total - overdue.size(), queue)).append("\n");
		}
		return body.append("\n").append(text("mail.digest.footer", locale, queue)).append("\n").toString();
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	private record Overdue(UUID id, String caseNumber, String type, String status, Instant dueAt, UUID assignee) {
	}

	/** The digest went out: to whom, and which cases it named. */
	public record DigestSent(LocalDate day, String to, int overdue,
			List<String> caseNumbers) implements AuditableEvent {

		@Override
		public Actor actor() {
			return Actor.SYSTEM;
		}

		@Override
		public String action() {
			return "deadlines.digest-sent";
		}

		@Override
		public String subjectType() {
			return "digest";
		}

		@Override
		public String subjectId() {
			return this.day.toString();
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("to", this.to, "overdue", this.overdue, "caseNumbers", this.caseNumbers);
		}

	}

}
