package org.custodian.removal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.IntakeService.Upload;
import org.custodian.intake.LegalDocument;
import org.custodian.policy.JurisdictionPolicy;
import org.custodian.policy.Pause;
import org.custodian.policy.PauseStage;
import org.custodian.policy.Pauses;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.web.InputFailures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives an authority's removal request with the conventions of data requests: the
 * officer's token, every field checked and reported together, the order as a PDF with its
 * SHA-256, {@code Idempotency-Key} replays; acknowledged at once, and held at once if a
 * pause of review covers it. One transaction with its audit event.
 */
@Service
public class RemovalIntake {

	private final JdbcClient jdbc;

	private final RemovalRequests requests;

	private final Agencies agencies;

	private final Pauses pauses;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper reader;

	private final JsonMapper json = JsonMapper.builder().build();

	RemovalIntake(JdbcClient jdbc, RemovalRequests requests, Agencies agencies, Pauses pauses,
			ApplicationEventPublisher events, Clock clock, JsonMapper reader) {
		this.jdbc = jdbc;
		this.requests = requests;
		this.agencies = agencies;
		this.pauses = pauses;
		this.events = events;
		this.clock = clock;
		this.reader = reader;
	}

	/**
	 * Submits a removal request.
	 * @param caller the submitting officer
	 * @param form the request as sent
	 * @param upload the order, or null
	 * @param idempotencyKey the client's key for safe retries, or null
	 * @return the receipt; for a repeated key, the original request's
	 */
	@Transactional
	public Receipt submit(CurrentUser caller, RemovalForm form, Upload upload, String idempotencyKey) {
		OfficerId officerId = caller.require(Action.SUBMIT_REMOVAL_REQUEST).officerId();
		ActiveOfficer officer = this.agencies.requireActiveOfficer(officerId);
		FieldProblems problems = new FieldProblems();
		String key = problems.optional(idempotencyKey, "Idempotency-Key", 200);
		LegalDocument document = (upload != null) ? LegalDocument.of(upload.filename(), upload.content(), problems)
				: null;
		RemovalSubmission submission = RemovalSubmission.check(form, officer.jurisdiction(), LocalDate.now(this.clock),
				problems);
		String fingerprint = LegalDocument
			.sha256((this.json.writeValueAsString(form) + "|" + ((document != null) ? document.sha256() : ""))
				.getBytes(StandardCharsets.UTF_8));
		if (key != null) {
			Optional<Receipt> replay = replay(officerId, key, fingerprint);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		OffsetDateTime receivedAt = now.atOffset(ZoneOffset.UTC);
		long number = this.jdbc.sql("SELECT nextval('removal_case_number_seq')").query(Long.class).single();
		String caseNumber = String.format("RR-%d-%06d", receivedAt.getYear(), number);
		Optional<Pause> hold = JurisdictionPolicy.removalHold(officer.jurisdiction(), submission.territorialScope(),
				now, PauseStage.REVIEW, this.pauses.allInForce(), now);
		this.requests.insert(id, caseNumber, officer, submission, document, hold.orElse(null), receivedAt);
		if (key != null) {
			this.jdbc
				.sql("INSERT INTO removal_idempotency_key (officer_id, key, fingerprint, request_id, created_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(officerId.value(), key, fingerprint, id, receivedAt)
				.update();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNumber", caseNumber);
		details.put("jurisdiction", officer.jurisdiction().code());
		details.put("basis", submission.basis().name());
		details.put("reason", submission.reason().name());
		details.put("items", submission.items().size());
		details.put("territorialScope", submission.territorialScope().stream().map(Object::toString).toList());
		details.put("receivedAt", now.toString());
		if (document != null) {
			details.put("documentSha256", document.sha256());
		}
		hold.ifPresent((pause) -> details.put("heldByPause", pause.id().toString()));
		this.events.publishEvent(new AuditedAction(caller.actor(), "removal.submitted", RemovalRequests.SUBJECT,
				id.toString(), details));
		return new Receipt(id, caseNumber, hold.isPresent() ? RemovalStatus.ON_HOLD : RemovalStatus.IN_REVIEW, false);
	}

	/** A repeated key returns the original request, locked first against a race. */
	private Optional<Receipt> replay(OfficerId officerId, String key, String fingerprint) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("removal/" + officerId + "/" + key)
			.query()
			.singleRow();
		return this.jdbc.sql("""
				SELECT k.fingerprint, r.id, r.case_number, r.status FROM removal_idempotency_key k
				JOIN removal_request r ON r.id = k.request_id WHERE k.officer_id = ? AND k.key = ?""")
			.params(officerId.value(), key)
			.query((rs, row) -> {
				if (!rs.getString("fingerprint").equals(fingerprint)) {
					throw new ConflictException(
							"This Idempotency-Key was already used for a different request; use a new key.");
				}
				return new Receipt(rs.getObject("id", UUID.class), rs.getString("case_number"),
						RemovalStatus.valueOf(rs.getString("status")), true);
			})
			.optional();
	}

	/**
	 * Parses the JSON part of a multipart submission with the application's mapper,
	 * naming the field or, when it is not JSON, the part.
	 */
	public RemovalForm parse(String json) {
		try {
			return this.reader.readValue(json, RemovalForm.class);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(InputFailures.json(ex, "request"));
		}
	}

	/** What the officer gets back. */
	public record Receipt(UUID id, String caseNumber, RemovalStatus status, boolean replayed) {
	}

}
