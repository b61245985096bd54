package org.custodian.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.Actor;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.web.InputFailures;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Receives an officer's request: checks the officer may act, checks every field, stores
 * the request with its document, and announces it, all in one transaction (a request is
 * either received whole, with its audit event, or not at all).
 */
@Service
public class IntakeService {

	private final JdbcClient jdbc;

	private final Requests requests;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final JsonMapper reader;

	IntakeService(JdbcClient jdbc, Requests requests, Agencies agencies, ApplicationEventPublisher events, Clock clock,
			JsonMapper reader) {
		this.reader = reader;
		this.jdbc = jdbc;
		this.requests = requests;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Submits a request.
	 * @param officerId the submitting officer
	 * @param form the request as sent
	 * @param upload the legal document, or null
	 * @param idempotencyKey the client's key for safe retries, or null
	 * @return the receipt; for a repeated key, the original request's
	 */
	@Transactional
	public Receipt submit(CurrentUser caller, SubmissionForm form, Upload upload, String idempotencyKey) {
		OfficerId officerId = caller.require(Action.SUBMIT_REQUEST).officerId();
		ActiveOfficer officer = this.agencies.requireActiveOfficer(officerId);
		FieldProblems problems = new FieldProblems();
		String key = problems.optional(idempotencyKey, "Idempotency-Key", 200);
		LegalDocument document = (upload != null) ? LegalDocument.of(upload.filename(), upload.content(), problems)
				: null;
		Submission submission = Submission.check(form, LocalDate.now(this.clock), problems);
		String fingerprint = fingerprint(form, document);
		if (key != null) {
			Optional<Receipt> replay = replay(officerId, key, fingerprint);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		RequestId id = RequestId.random();
		OffsetDateTime receivedAt = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		long number = this.jdbc.sql("SELECT nextval('case_number_seq')").query(Long.class).single();
		String caseNumber = String.format("CR-%d-%06d", receivedAt.getYear(), number);
		this.requests.insert(id, caseNumber, officer, submission, document, receivedAt);
		if (key != null) {
			this.jdbc.sql(
					"INSERT INTO idempotency_key (officer_id, key, fingerprint, request_id, created_at) VALUES (?, ?, ?, ?, ?)")
				.params(officerId.value(), key, fingerprint, id.value(), receivedAt)
				.update();
		}
		this.events.publishEvent(new RequestSubmitted(id, caseNumber, officer.agencyId(), Actor.officer(officerId),
				officer.jurisdiction(), submission.type(), submission.instrument(), submission.categories(),
				submission.targets().size(), (document != null) ? document.sha256() : null,
				submission.nonDisclosureUntil() != null, receivedAt.toInstant()));
		return new Receipt(id, caseNumber, false);
	}

	/**
	 * A repeated key returns the original request. The key row is locked first, so two
	 * concurrent retries cannot both create a request.
	 */
	private Optional<Receipt> replay(OfficerId officerId, String key, String fingerprint) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(officerId + "/" + key)
			.query()
			.singleRow();
		return this.jdbc.sql(
				"SELECT k.fingerprint, r.id, r.case_number FROM idempotency_key k JOIN request r ON r.id = k.request_id "
						+ "WHERE k.officer_id = ? AND k.key = ?")
			.params(officerId.value(), key)
			.query((rs, row) -> {
				if (!rs.getString("fingerprint").equals(fingerprint)) {
					throw new ConflictException(
							"This Idempotency-Key was already used for a different request; use a new key.");
				}
				return new Receipt(new RequestId(rs.getObject("id", UUID.class)), rs.getString("case_number"), true);
			})
			.optional();
	}

	private String fingerprint(SubmissionForm form, LegalDocument document) {
		String text = this.json.writeValueAsString(form) + "|" + ((document != null) ? document.sha256() : "");
		return LegalDocument.sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Parses the JSON part of a multipart submission with the application's JSON mapper
	 * (so with the same checks as a JSON body), naming the field or, when it is not JSON,
	 * the part.
	 */
	public SubmissionForm parse(String json) {
		return parse(json, SubmissionForm.class);
	}

	/**
	 * Parses the JSON part {@code request} of another multipart call (a reply with its
	 * attachment) the same way.
	 */
	public <T> T parse(String json, Class<T> type) {
		try {
			return this.reader.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(InputFailures.json(ex, "request"));
		}
	}

	/**
	 * An uploaded file as received.
	 */
	public record Upload(String filename, byte[] content) {

		/**
		 * The file of a multipart part; none when no file was chosen (a browser sends an
		 * empty part without a name), so that an empty file that was chosen is refused.
		 */
		public static Upload of(MultipartFile file) {
			if (file == null || (file.isEmpty() && !StringUtils.hasLength(file.getOriginalFilename()))) {
				return null;
			}
			try {
				return new Upload(file.getOriginalFilename(), file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
