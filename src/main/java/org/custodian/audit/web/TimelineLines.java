package org.custodian.audit.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodian.agency.Agencies;
import org.custodian.audit.AuditRecord;
import org.custodian.identity.StaffAccounts;
import org.custodian.shared.OfficerId;
import org.custodian.shared.StaffId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A case's audit events as a person reads them: a sentence per event from the message
 * bundle (never the event code), who acted by name and role (never a truncated id), and
 * every staff read of the case folded into one "viewed by …" line where the last read
 * stands. The log itself keeps every read (ADR 0015).
 */
@Component
class TimelineLines {

	private static final String VIEWED = "request.viewed";

	private final StaffAccounts staff;

	private final Agencies agencies;

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	TimelineLines(StaffAccounts staff, Agencies agencies, MessageSource messages) {
		this.staff = staff;
		this.agencies = agencies;
		this.messages = messages;
	}

	List<Line> of(List<AuditRecord> events, Locale locale) {
		Map<String, String> names = new HashMap<>();
		Map<String, Integer> viewers = new LinkedHashMap<>();
		int lastView = -1;
		List<Line> lines = new ArrayList<>();
		for (AuditRecord event : events) {
			String who = names.computeIfAbsent(event.actorKind() + ":" + event.actorId(),
					(key) -> actor(event.actorKind(), event.actorId(), locale));
			if (VIEWED.equals(event.action())) {
				viewers.merge(who, 1, Integer::sum);
				lines.add(null);
				lastView = lines.size() - 1;
				continue;
			}
			lines.add(new Line(event.occurredAt(), sentence(event, names, locale), who, event.seq(), event.hash()));
		}
		if (lastView >= 0) {
			AuditRecord last = events.get(lastView);
			String readers = viewers.entrySet()
				.stream()
				.map((viewer) -> text("timeline.viewer", locale, viewer.getKey(), viewer.getValue()))
				.collect(Collectors.joining(", "));
			lines.set(lastView, new Line(last.occurredAt(), text("timeline.viewedBy", locale, readers), null,
					last.seq(), last.hash()));
		}
		lines.removeIf((line) -> line == null);
		return lines;
	}

	private String sentence(AuditRecord event, Map<String, String> names, Locale locale) {
		String code = "timeline." + event.action();
		JsonNode details = details(event.details());
		Object argument = switch (event.action()) {
			case "request.assigned" -> names.computeIfAbsent("STAFF:" + details.path("reviewerId").asString(""),
					(key) -> actor("STAFF", key.substring("STAFF:".length()), locale));
			default -> "";
		};
		String sentence = this.messages.getMessage(code, new Object[] { argument }, null, locale);
		return (sentence != null) ? sentence : text("timeline.other", locale);
	}

	private JsonNode details(String details) {
		try {
			return this.json.readTree((details != null) ? details : "{}");
		}
		catch (RuntimeException ex) {
			return this.json.createObjectNode();
		}
	}

	/** A person's name and roles, an officer's name and title, or the system. */
	private String actor(String kind, String id, Locale locale) {
		try {
			return switch (kind) {
				case "STAFF" -> this.staff.find(new StaffId(UUID.fromString(id)))
					.map((member) -> text("timeline.staff", locale, member.name(),
							member.roles()
								.stream()
								.map((role) -> text("role." + role.name(), locale))
								.sorted()
								.collect(Collectors.joining(", "))))
					.orElseGet(() -> text("timeline.unknownStaff", locale));
				case "OFFICER" -> this.agencies.findOfficer(new OfficerId(UUID.fromString(id)))
					.map((officer) -> text("timeline.officer", locale, officer.name(),
							(officer.title() != null) ? officer.title() : text("timeline.officerNoTitle", locale)))
					.orElseGet(() -> text("timeline.unknownOfficer", locale));
				case "OPERATOR" -> text("timeline.operator", locale, id);
				default -> text("timeline.system", locale);
			};
		}
		catch (IllegalArgumentException ex) {
			return text("timeline.system", locale);
		}
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	/** One line of the timeline; {@code actor} is null on the folded views line. */
	record Line(Instant occurredAt, String sentence, String actor, long seq, String hash) {
	}

}
