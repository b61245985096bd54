package org.custodian.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.accounts.AccountDirectory;
import org.custodian.agency.Agencies;
import org.custodian.disclosure.DisclosureEvents.DisclosureEvent;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.intake.SubmittedRequest;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.TargetKind;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The defence against forged emergency requests: nothing is produced for an emergency
 * until staff record a confirmed callback to the agency's independently registered number
 * (never a number given in the request itself).
 */
@Service
public class EmergencyChecks {

	private final JdbcClient jdbc;

	private final Requests requests;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EmergencyChecks(JdbcClient jdbc, Requests requests, Agencies agencies, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a callback. The number called must be the agency's registered one.
	 * @return the recorded verification
	 */
	@Transactional
	public Map<String, Object> recordCallback(RequestId id, String calledNumber, Boolean confirmed, String notes,
			CurrentUser staff) {
		staff.require(Action.RECORD_EMERGENCY_CALLBACK);
		SubmittedRequest request = this.requests.find(id)
			.orElseThrow(() -> new NotFoundException("No request with this id."));
		if (request.type() != RequestType.EMERGENCY) {
			throw new ConflictException(
					"Request " + request.caseNumber() + " is not an emergency request; no callback is needed.");
		}
		String registered = this.agencies.find(request.agencyId()).orElseThrow().callbackPhone();
		FieldProblems problems = new FieldProblems();
		String called = problems.required(calledNumber, "calledNumber", 40);
		problems.check(confirmed != null, "confirmed", "is required: did the agency confirm the request?");
		String text = problems.required(notes, "notes", 4000);
		if (called != null) {
			String normalised = AccountDirectory.normalise(TargetKind.PHONE, called);
			if (!normalised.equals(AccountDirectory.normalise(TargetKind.PHONE, registered))) {
				boolean fromRequest = request.emergency() != null && request.emergency().supervisorPhone() != null
						&& normalised.equals(
								AccountDirectory.normalise(TargetKind.PHONE, request.emergency().supervisorPhone()));
				problems.add("calledNumber", (fromRequest ? "is the number given in the request; " : "is not ")
						+ "the agency's registered callback number: call " + registered);
			}
		}
		problems.throwIfAny();
		UUID verification = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.jdbc
			.sql("""
					INSERT INTO emergency_verification (id, request_id, called_number, confirmed, notes, staff_id, recorded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(verification, id.value(), AccountDirectory.normalise(TargetKind.PHONE, called), confirmed, text,
					staff.staffId().value(), now.atOffset(ZoneOffset.UTC))
			.update();
		this.events.publishEvent(new DisclosureEvent(id, staff.actor(), "emergency.callback-recorded",
				Map.of("calledNumber", AccountDirectory.normalise(TargetKind.PHONE, called), "confirmed", confirmed)));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", verification);
		result.put("confirmed", confirmed);
		result.put("recordedAt", now);
		return result;
	}

	/** Whether a confirmed callback is on record for the request. */
	@Transactional(readOnly = true)
	public boolean confirmed(RequestId id) {
		return this.jdbc.sql("SELECT count(*) FROM emergency_verification WHERE request_id = ? AND confirmed")
			.param(id.value())
			.query(Long.class)
			.single() > 0;
	}

	/** The recorded callbacks of a request, oldest first. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> callbacks(RequestId id, CurrentUser reader) {
		reader.require(Action.READ_CASE);
		return this.jdbc.sql("""
				SELECT called_number, confirmed, notes, staff_id, recorded_at FROM emergency_verification
				WHERE request_id = ? ORDER BY recorded_at""").param(id.value()).query((rs, row) -> {
			Map<String, Object> callback = new LinkedHashMap<>();
			callback.put("calledNumber", rs.getString("called_number"));
			callback.put("confirmed", rs.getBoolean("confirmed"));
			callback.put("notes", rs.getString("notes"));
			callback.put("staffId", rs.getObject("staff_id", UUID.class));
			callback.put("recordedAt", rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
			return callback;
		}).list();
	}

}
