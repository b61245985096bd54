package org.custodian.review;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.custodian.agency.ActiveOfficer;
import org.custodian.agency.Agencies;
import org.custodian.agency.Agencies.OfficerView;
import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.intake.Submission;
import org.custodian.review.CaseEvents.DelegationChanged;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.ForbiddenException;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.OfficerId;
import org.custodian.shared.RequestId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts on a request in the portal: the officer who submitted it (its owner) and the
 * colleagues of the same agency the owner delegated it to. See
 * {@code docs/adr/0004-request-delegation.md}.
 */
@Service
public class Delegations {

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Requests requests;

	Delegations(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events, Clock clock, Requests requests) {
		this.requests = requests;
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The officer's part in the request: OWNER, DELEGATE, or null for a colleague without
	 * access; 404 for another agency's request.
	 */
	@Transactional(readOnly = true)
	public Access access(RequestId id, CurrentUser officer) {
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		this.jdbc.sql("SELECT agency_id FROM review_case WHERE request_id = ?")
			.param(id.value())
			.query(UUID.class)
			.optional()
			.filter(active.agencyId().value()::equals)
			.orElseThrow(() -> new NotFoundException("No request with this id."));
		return this.jdbc.sql("SELECT role FROM request_access WHERE request_id = ? AND officer_id = ?")
			.params(id.value(), active.id().value())
			.query(String.class)
			.optional()
			.map(Access::valueOf)
			.orElse(Access.NONE);
	}

	/**
	 * The relationship check of an officer's action on a request: another agency's
	 * request is not found (404); a colleague who is neither the owner nor a delegate is
	 * refused (403), unless the caller is the agency's API token, which acts for the
	 * whole agency (ADR 0004).
	 */
	@Transactional(readOnly = true)
	public void requireMayAct(RequestId id, CurrentUser officer) {
		if (access(id, officer) == Access.NONE && !officer.agencyWide()) {
			throw new ForbiddenException(
					"Only the officer who submitted this request and the colleagues it is delegated to may act on it.");
		}
	}

	/**
	 * The PDF the officer's agency submitted with the request, for its owner and
	 * delegates: 404 for another agency's request or one without a document.
	 */
	@Transactional(readOnly = true)
	public byte[] submittedDocument(RequestId id, CurrentUser officer) {
		officer.require(Action.READ_OWN_DOCUMENT);
		requireMayAct(id, officer);
		return this.requests.submittedDocument(id, officer)
			.orElseThrow(() -> new NotFoundException("This request has no document."));
	}

	/** The colleagues the request is delegated to, for its owner. */
	@Transactional(readOnly = true)
	public List<OfficerView> delegates(RequestId id) {
		return this.jdbc
			.sql("SELECT officer_id FROM request_access WHERE request_id = ? AND role = 'DELEGATE' ORDER BY granted_at")
			.param(id.value())
			.query(UUID.class)
			.list()
			.stream()
			.flatMap((officer) -> this.agencies.findOfficer(new OfficerId(officer)).stream())
			.toList();
	}

	/**
	 * The owner gives a colleague of the same agency, named by e-mail address, access to
	 * the request.
	 */
	@Transactional
	public OfficerView delegate(RequestId id, String email, CurrentUser owner) {
		owner.require(Action.DELEGATE_REQUEST);
		requireOwner(id, owner);
		FieldProblems problems = new FieldProblems();
		String clean = problems.required(email, "email", 320);
		problems.throwIfAny();
		OfficerView colleague = this.agencies.findOfficerByEmail(clean)
			.filter((found) -> found.agencyId().equals(owner.agencyId()) && found.active())
			.orElseThrow(() -> new InvalidInputException("email", "is not an active officer of your agency"));
		if (colleague.id().equals(owner.officerId())) {
			throw new InvalidInputException("email", "is you: you own this request");
		}
		int added = this.jdbc.sql("""
				INSERT INTO request_access (officer_id, received_at, request_id, role, granted_by, granted_at)
				SELECT ?, received_at, request_id, 'DELEGATE', ?, ? FROM review_case WHERE request_id = ?
				ON CONFLICT DO NOTHING""")
			.params(colleague.id().value(), owner.id(), Instant.now(this.clock).atOffset(ZoneOffset.UTC), id.value())
			.update();
		if (added == 0) {
			throw new InvalidInputException("email", "already has access to this request");
		}
		this.events
			.publishEvent(new DelegationChanged(id, owner.actor(), "request.delegated", colleague.id().toString()));
		return colleague;
	}

	/** The owner takes a colleague's access back. */
	@Transactional
	public void revoke(RequestId id, OfficerId colleague, CurrentUser owner) {
		owner.require(Action.DELEGATE_REQUEST);
		requireOwner(id, owner);
		int removed = this.jdbc
			.sql("DELETE FROM request_access WHERE request_id = ? AND officer_id = ? AND role = 'DELEGATE'")
			.params(id.value(), colleague.value())
			.update();
		if (removed == 0) {
			throw new NotFoundException("This colleague has no delegated access to the request.");
		}
		this.events
			.publishEvent(new DelegationChanged(id, owner.actor(), "request.delegation-revoked", colleague.toString()));
	}

	/** The officer's own requests and those delegated to them, newest first. */
	@Transactional(readOnly = true)
	public CaseQueries.Page myRequests(CurrentUser officer, String after, int size) {
		return myRequests(officer, null, null, after, size);
	}

	/**
	 * The officer's requests whose case number or agency reference starts with the text
	 * (reference case-insensitively) and whose status is the one named; null for any.
	 */
	@Transactional(readOnly = true)
	public CaseQueries.Page myRequests(CurrentUser officer, String search, String status, String after, int size) {
		FieldProblems problems = new FieldProblems();
		String text = problems.optional(search, "q", Submission.MAX_AGENCY_REFERENCE);
		CaseStatus wanted = problems.enumValue(CaseStatus.class, status, "status", false);
		problems.throwIfAny();
		ActiveOfficer active = this.agencies.requireActiveOfficer(officer.officerId());
		Cursor cursor = (after != null) ? Cursor.decode(after) : null;
		Object at = (cursor != null) ? cursor.at().atOffset(ZoneOffset.UTC) : null;
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT c.*, a.role FROM request_access a JOIN review_case c ON c.request_id = a.request_id
				WHERE a.officer_id = ? AND c.agency_id = ?
				  AND (?::text IS NULL OR c.case_number LIKE ? OR lower(c.agency_reference) LIKE ?)
				  AND (?::text IS NULL OR c.status = ?)
				  AND (?::timestamptz IS NULL OR (a.received_at, a.request_id) < (?::timestamptz, ?::uuid))
				ORDER BY a.received_at DESC, a.request_id DESC LIMIT ?""")
			.params(active.id().value(), active.agencyId().value(), text,
					(text != null) ? CaseQueries.prefix(text) : null,
					(text != null) ? CaseQueries.prefix(text.toLowerCase(Locale.ROOT)) : null,
					(wanted != null) ? wanted.name() : null, (wanted != null) ? wanted.name() : null, at, at,
					(cursor != null) ? cursor.id() : null, size + 1)
			.query((rs, row) -> {
				Map<String, Object> summary = CaseQueries.summary(rs, row);
				summary.remove("assigneeId");
				summary.put("access", rs.getString("role"));
				return summary;
			})
			.list();
		return CaseQueries.Page.of(rows, size);
	}

	private void requireOwner(RequestId id, CurrentUser officer) {
		if (access(id, officer) != Access.OWNER) {
			throw new ForbiddenException("Only the officer who submitted this request may delegate it.");
		}
	}

	/**
	 * An officer's part in a request.
	 */
	public enum Access {

		OWNER, DELEGATE, NONE

	}

}
