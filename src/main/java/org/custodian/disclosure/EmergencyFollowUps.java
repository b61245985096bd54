package org.custodian.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodian.agency.Agencies;
import org.custodian.disclosure.DisclosureEvents.DisclosureEvent;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.review.CaseFlags;
import org.custodian.review.Delegations;
import org.custodian.shared.ConflictException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a case tells staff about the requester's trustworthiness: the officer's first
 * request or first emergency, unusual volume from the agency, an e-mail domain added
 * recently, and an emergency disclosure whose follow-up legal process is overdue.
 */
@Service
public class EmergencyFollowUps implements CaseFlags {

	static final Duration RECENT_DOMAIN = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final Requests requests;

	private final Agencies agencies;

	private final DisclosureProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Delegations delegations;

	EmergencyFollowUps(JdbcClient jdbc, Requests requests, Agencies agencies, DisclosureProperties properties,
			ApplicationEventPublisher events, Clock clock, Delegations delegations) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.agencies = agencies;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.delegations = delegations;
	}

	/** An emergency disclosure starts the clock for its follow-up legal process. */
	@EventListener
	public void on(DisclosureEvent event) {
		if (!"production.built".equals(event.action())) {
			return;
		}
		this.requests.find(event.requestId())
			.filter((request) -> request.type() == RequestType.EMERGENCY)
			.ifPresent((request) -> this.jdbc.sql("""
					INSERT INTO emergency_follow_up (emergency_request_id, due_at) VALUES (?, ?)
					ON CONFLICT DO NOTHING""")
				.params(request.id().value(), utc(Instant.now(this.clock).plus(this.properties.followUpWithin())))
				.update());
	}

	/** The officer names the legal process that follows an emergency disclosure. */
	@Transactional
	public Map<String, Object> followUp(RequestId legalRequest, UUID emergencyRequestId, CurrentUser officer) {
		officer.require(Action.LINK_EMERGENCY_FOLLOW_UP);
		this.delegations.requireMayAct(legalRequest, officer);
		if (emergencyRequestId == null) {
			throw new InvalidInputException("emergencyRequestId", "is required");
		}
		var active = this.agencies.requireActiveOfficer(officer.officerId());
		SubmittedRequest legal = this.requests.find(legalRequest)
			.filter((found) -> found.agencyId().equals(active.agencyId()))
			.orElseThrow(() -> new NotFoundException("No request with this id."));
		if (legal.type() != RequestType.LEGAL_PROCESS) {
			throw new ConflictException("Only a legal-process request can follow up an emergency disclosure.");
		}
		this.requests.find(new RequestId(emergencyRequestId))
			.filter((found) -> found.agencyId().equals(active.agencyId()) && found.type() == RequestType.EMERGENCY)
			.orElseThrow(() -> new InvalidInputException("emergencyRequestId",
					"is not an emergency request of your agency"));
		int updated = this.jdbc.sql("""
				UPDATE emergency_follow_up SET legal_request_id = ?, received_at = ?
				WHERE emergency_request_id = ?""")
			.params(legalRequest.value(), utc(Instant.now(this.clock)), emergencyRequestId)
			.update();
		if (updated == 0) {
			throw new ConflictException("Nothing was disclosed for that emergency request; no follow-up is due.");
		}
		this.events.publishEvent(new DisclosureEvent(new RequestId(emergencyRequestId), officer.actor(),
				"emergency.follow-up-received", Map.of("legalRequestId", legalRequest.toString())));
		return Map.of("emergencyRequestId", emergencyRequestId, "legalRequestId", legalRequest.value());
	}

	/**
	 * Emergency disclosures whose follow-up legal process is past its deadline and has
	 * not been named (served by the partial index {@code emergency_follow_up_open}).
	 */
	@Override
	public Optional<String> overdueRequests() {
		return Optional.of("SELECT emergency_request_id FROM emergency_follow_up "
				+ "WHERE legal_request_id IS NULL AND due_at < ?");
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, List<String>> flags(List<UUID> requestIds) {
		Map<UUID, List<String>> flags = new HashMap<>();
		if (requestIds.isEmpty()) {
			return flags;
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				SELECT emergency_request_id, due_at FROM emergency_follow_up
				WHERE emergency_request_id = ANY (?) AND legal_request_id IS NULL""")
			.param(requestIds.toArray(UUID[]::new))
			.query((rs, row) -> {
				if (TrustSignals.overdue(rs.getObject("due_at", OffsetDateTime.class).toInstant(), now)) {
					flags.computeIfAbsent(rs.getObject("emergency_request_id", UUID.class), (id) -> new ArrayList<>())
						.add("EMERGENCY_FOLLOW_UP_OVERDUE");
				}
				return null;
			})
			.list();
		Map<RequestId, Requests.History> histories = this.requests
			.histories(requestIds.stream().map(RequestId::new).toList());
		Map<OfficerId, Instant> domains = this.agencies
			.emailDomainsAddedAt(histories.values().stream().map(Requests.History::officerId).toList());
		histories.forEach((id, history) -> {
			List<String> signals = TrustSignals.of(history, domains.get(history.officerId()), RECENT_DOMAIN);
			if (!signals.isEmpty()) {
				flags.computeIfAbsent(id.value(), (key) -> new ArrayList<>()).addAll(signals);
			}
		});
		return flags;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
