package org.custodian.removal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.intake.LegalDocument;
import org.custodian.policy.Pause;
import org.custodian.shared.AgencyId;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Removal requests and their items, as stored.
 */
@Repository
class RemovalRequests {

	/** The audit log's subject type. */
	static final String SUBJECT = "removal_request";

	static final String NOT_FOUND = "No removal request with this id.";

	private final JdbcClient jdbc;

	RemovalRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String caseNumber, ActiveOfficer officer, RemovalSubmission submission, LegalDocument document,
			Pause heldBy, OffsetDateTime receivedAt) {
		this.jdbc.sql("""
				INSERT INTO removal_request (id, case_number, agency_id, officer_id, jurisdiction, basis, legal_basis,
				  issuing_authority, reason, explanation, territorial_scope, respond_by, status, held_by_pause,
				  hold_reason, received_at, acknowledged_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?, ?)""")
			.params(id, caseNumber, officer.agencyId().value(), officer.id().value(), officer.jurisdiction().code(),
					submission.basis().name(), submission.legalBasis(), submission.issuingAuthority(),
					submission.reason().name(), submission.explanation(),
					String.join(",", submission.territorialScope().stream().map(Jurisdiction::code).toList()),
					submission.respondBy(),
					(heldBy != null) ? RemovalStatus.ON_HOLD.name() : RemovalStatus.IN_REVIEW.name(),
					(heldBy != null) ? heldBy.id() : null, (heldBy != null) ? heldBy.officerMessage() : null,
					receivedAt, receivedAt)
			.update();
		List<RemovalSubmission.Item> items = submission.items();
		UUID[] ids = new UUID[items.size()];
		Integer[] positions = new Integer[items.size()];
		String[] kinds = new String[items.size()];
		String[] values = new String[items.size()];
		for (int i = 0; i < items.size(); i++) {
			ids[i] = UUID.randomUUID();
			positions[i] = i;
			kinds[i] = items.get(i).kind().name();
			values[i] = items.get(i).value();
		}
		this.jdbc.sql("""
				INSERT INTO removal_item (id, request_id, position, kind, value, status)
				SELECT u.id, ?, u.position, u.kind, u.value, 'OPEN'
				FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[]) AS u(id, position, kind, value)""")
			.params(id, ids, positions, kinds, values)
			.update();
		if (document != null) {
			this.jdbc.sql("""
					INSERT INTO removal_document (request_id, filename, size_bytes, sha256, content)
					VALUES (?, ?, ?, ?, ?)""")
				.params(id, document.filename(), document.content().length, document.sha256(), document.content())
				.update();
		}
	}

	/** The request and its items, or 404. */
	RemovalRequest require(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
	}

	/** The request, locked for a change, or 404. */
	RemovalRequest lock(UUID id) {
		this.jdbc.sql("SELECT id FROM removal_request WHERE id = ? FOR UPDATE")
			.param(id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
		return require(id);
	}

	Optional<RemovalRequest> find(UUID id) {
		List<RemovalRequest.Item> items = this.jdbc
			.sql("SELECT * FROM removal_item WHERE request_id = ? ORDER BY position")
			.param(id)
			.query(RemovalRequests::item)
			.list();
		return this.jdbc.sql("""
				SELECT r.*, d.sha256 AS document_sha256 FROM removal_request r
				LEFT JOIN removal_document d ON d.request_id = r.id WHERE r.id = ?""")
			.param(id)
			.query((rs, row) -> request(rs, items))
			.optional();
	}

	void setStatus(UUID id, RemovalStatus status) {
		this.jdbc.sql("UPDATE removal_request SET status = ?, held_by_pause = NULL, hold_reason = NULL WHERE id = ?")
			.params(status.name(), id)
			.update();
	}

	private static RemovalRequest request(ResultSet rs, List<RemovalRequest.Item> items) throws SQLException {
		Set<Jurisdiction> scope = new LinkedHashSet<>();
		for (String code : strings(rs.getArray("territorial_scope"))) {
			scope.add(Jurisdiction.of(code));
		}
		return new RemovalRequest(rs.getObject("id", UUID.class), rs.getString("case_number"),
				new AgencyId(rs.getObject("agency_id", UUID.class)), rs.getObject("officer_id", UUID.class),
				Jurisdiction.of(rs.getString("jurisdiction")), RemovalBasis.valueOf(rs.getString("basis")),
				rs.getString("legal_basis"), rs.getString("issuing_authority"),
				RemovalReason.valueOf(rs.getString("reason")), rs.getString("explanation"), scope,
				rs.getObject("respond_by", LocalDate.class), RemovalStatus.valueOf(rs.getString("status")),
				rs.getObject("held_by_pause", UUID.class), rs.getString("hold_reason"), instant(rs, "received_at"),
				instant(rs, "acknowledged_at"), rs.getString("document_sha256"), items);
	}

	static RemovalRequest.Item item(ResultSet rs, int row) throws SQLException {
		String decision = rs.getString("decision");
		String noAction = rs.getString("no_action_reason");
		return new RemovalRequest.Item(rs.getObject("id", UUID.class), rs.getInt("position"),
				ItemKind.valueOf(rs.getString("kind")), rs.getString("value"), rs.getString("status"),
				rs.getObject("proposal_id", UUID.class), (decision != null) ? ItemDecision.valueOf(decision) : null,
				(noAction != null) ? NoActionReason.valueOf(noAction) : null, rs.getString("effect"),
				strings(rs.getArray("effect_in")), instant(rs, "effect_given_at"),
				rs.getObject("effect_held_by", UUID.class), instant(rs, "restored_at"));
	}

	static List<String> strings(Array array) throws SQLException {
		return (array != null) ? new ArrayList<>(Arrays.asList((String[]) array.getArray())) : List.of();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
