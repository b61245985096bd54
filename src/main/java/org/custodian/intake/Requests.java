package org.custodian.intake;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodian.agency.ActiveOfficer;
import org.custodian.intake.SubmittedRequest.DocumentInfo;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AgencyId;
import org.custodian.shared.DataCategory;
import org.custodian.shared.Enums;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;
import org.custodian.shared.RequestType;
import org.custodian.shared.TargetKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Received requests, as submitted.
 */
@Repository
public class Requests {

	private final JdbcClient jdbc;

	Requests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(RequestId id, String caseNumber, ActiveOfficer officer, Submission submission, LegalDocument document,
			OffsetDateTime receivedAt) {
		Submission.Emergency emergency = submission.emergency();
		this.jdbc
			.sql("""
					INSERT INTO request (id, case_number, agency_id, officer_id, jurisdiction, type, instrument, legal_basis,
					  categories, period_from, period_to, offence, non_disclosure_until, emergency_threat,
					  emergency_supervisor_name, emergency_supervisor_phone, received_at, respond_by, agency_reference)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), caseNumber, officer.agencyId().value(), officer.id().value(),
					officer.jurisdiction().code(), submission.type().name(),
					(submission.instrument() != null) ? submission.instrument().name() : null, submission.legalBasis(),
					submission.categories().stream().map(Enum::name).collect(Collectors.joining(",")),
					sqlDate(submission.from()), sqlDate(submission.to()), submission.offence(),
					sqlDate(submission.nonDisclosureUntil()), (emergency != null) ? emergency.threat() : null,
					(emergency != null) ? emergency.supervisorName() : null,
					(emergency != null) ? emergency.supervisorPhone() : null, receivedAt,
					sqlDate(submission.respondBy()), submission.agencyReference())
			.update();
		List<Target> targets = submission.targets();
		// One statement for up to 1 000 targets: unnest the columns instead of a round
		// trip per row.
		this.jdbc.sql("""
				INSERT INTO request_target (request_id, position, kind, value)
				SELECT ?, t.ord - 1, t.kind, v.value
				FROM unnest(?::text[]) WITH ORDINALITY AS t(kind, ord)
				JOIN unnest(?::text[]) WITH ORDINALITY AS v(value, ord) ON v.ord = t.ord""")
			.params(id.value(), targets.stream().map((t) -> t.kind().name()).toArray(String[]::new),
					targets.stream().map(Target::value).toArray(String[]::new))
			.update();
		if (document != null) {
			this.jdbc.sql(
					"INSERT INTO request_document (request_id, filename, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?)")
				.params(id.value(), document.filename(), document.content().length, document.sha256(),
						document.content())
				.update();
		}
	}

	@Transactional(readOnly = true)
	public Optional<SubmittedRequest> find(RequestId id) {
		List<Target> targets = this.jdbc
			.sql("SELECT kind, value FROM request_target WHERE request_id = ? ORDER BY position")
			.param(id.value())
			.query((rs, row) -> new Target(TargetKind.valueOf(rs.getString("kind")), rs.getString("value")))
			.list();
		return this.jdbc.sql("""
				SELECT r.*, array_to_string(r.categories, ',') AS category_list,
				  d.filename, d.size_bytes, d.sha256
				FROM request r LEFT JOIN request_document d ON d.request_id = r.id
				WHERE r.id = ?""").param(id.value()).query((rs, row) -> request(rs, targets)).optional();
	}

	/** The legal document's bytes, if one was submitted: for the response team. */
	@Transactional(readOnly = true)
	public Optional<byte[]> document(RequestId id, CurrentUser reader) {
		reader.require(Action.DOWNLOAD_LEGAL_DOCUMENT);
		return this.jdbc.sql("SELECT content FROM request_document WHERE request_id = ?")
			.param(id.value())
			.query(byte[].class)
			.optional();
	}

	/**
	 * The legal document of one of the officer's agency's requests, for the officer who
	 * submitted it or a delegate (the relationship is review's to check first); empty for
	 * another agency's request or one without a document.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> submittedDocument(RequestId id, CurrentUser officer) {
		officer.require(Action.READ_OWN_DOCUMENT);
		return this.jdbc.sql("""
				SELECT d.content FROM request_document d JOIN request r ON r.id = d.request_id
				WHERE d.request_id = ? AND r.agency_id = ?""")
			.params(id.value(), officer.agencyId().value())
			.query(byte[].class)
			.optional();
	}

	private static SubmittedRequest request(ResultSet rs, List<Target> targets) throws SQLException {
		Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
		for (String name : rs.getString("category_list").split(",")) {
			Enums.parse(DataCategory.class, name).ifPresent(categories::add);
		}
		String threat = rs.getString("emergency_threat");
		Submission.Emergency emergency = (threat != null) ? new Submission.Emergency(threat,
				rs.getString("emergency_supervisor_name"), rs.getString("emergency_supervisor_phone")) : null;
		String sha = rs.getString("sha256");
		DocumentInfo document = (sha != null)
				? new DocumentInfo(rs.getString("filename"), rs.getLong("size_bytes"), sha) : null;
		String instrument = rs.getString("instrument");
		return new SubmittedRequest(new RequestId(rs.getObject("id", UUID.class)), rs.getString("case_number"),
				new AgencyId(rs.getObject("agency_id", UUID.class)),
				new OfficerId(rs.getObject("officer_id", UUID.class)), Jurisdiction.of(rs.getString("jurisdiction")),
				RequestType.valueOf(rs.getString("type")), (instrument != null) ? Instrument.valueOf(instrument) : null,
				rs.getString("legal_basis"), targets, categories, localDate(rs, "period_from"),
				localDate(rs, "period_to"), rs.getString("offence"), localDate(rs, "non_disclosure_until"), emergency,
				document, rs.getObject("received_at", OffsetDateTime.class).toInstant(), localDate(rs, "respond_by"),
				rs.getString("agency_reference"));
	}

	private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

	private static Date sqlDate(LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

	/**
	 * How usual each request is for its officer and agency: the officer's earlier
	 * requests and emergencies, and the agency's requests in the 24 hours up to it and in
	 * the 30 days before those. One statement for all of them (a queue page asks for
	 * fifty).
	 */
	@Transactional(readOnly = true)
	public Map<RequestId, History> histories(Collection<RequestId> ids) {
		Map<RequestId, History> histories = new HashMap<>();
		if (ids.isEmpty()) {
			return histories;
		}
		this.jdbc
			.sql("""
					SELECT r.id, r.type, r.officer_id, r.received_at,
					  (SELECT count(*) FROM request p WHERE p.officer_id = r.officer_id
					    AND p.received_at < r.received_at) AS officer_prior,
					  (SELECT count(*) FROM request p WHERE p.officer_id = r.officer_id
					    AND p.received_at < r.received_at AND p.type = 'EMERGENCY') AS officer_prior_emergencies,
					  (SELECT count(*) FROM request p WHERE p.agency_id = r.agency_id
					    AND p.received_at > r.received_at - interval '24 hours' AND p.received_at <= r.received_at) AS agency_day,
					  (SELECT count(*) FROM request p WHERE p.agency_id = r.agency_id
					    AND p.received_at > r.received_at - interval '31 days'
					    AND p.received_at <= r.received_at - interval '24 hours') AS agency_month
					FROM request r WHERE r.id = ANY(?)""")
			.param(ids.stream().map(RequestId::value).toArray(UUID[]::new))
			.query((rs, row) -> histories.put(new RequestId(rs.getObject("id", UUID.class)), new History(
					RequestType.valueOf(rs.getString("type")), new OfficerId(rs.getObject("officer_id", UUID.class)),
					rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getLong("officer_prior"),
					rs.getLong("officer_prior_emergencies"), rs.getLong("agency_day"), rs.getLong("agency_month"))))
			.list();
		return histories;
	}

	/**
	 * A request's place in its officer's and agency's history.
	 */
	public record History(RequestType type, OfficerId officerId, Instant receivedAt, long officerPriorRequests,
			long officerPriorEmergencies, long agencyLastDay, long agencyPrior30Days) {
	}

}
