package org.custodian.transparency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.AuditedAction;
import org.custodian.shared.ConflictException;
import org.custodian.shared.FieldProblems;
import org.custodian.shared.FourEyes;
import org.custodian.shared.InvalidInputException;
import org.custodian.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes on the public figures: one publisher proposes a period's publication, a
 * second one confirms it, and only then are the figures computed, signed and published
 * (under the proposal's id). The proposer may withdraw it; another publisher may reject
 * it.
 */
@Service
public class PublicationProposals {

	private final JdbcClient jdbc;

	private final ReportPublications publications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PublicationProposals(JdbcClient jdbc, ReportPublications publications, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.publications = publications;
		this.events = events;
		this.clock = clock;
	}

	/** Proposes publishing the period's report; nothing is computed or signed yet. */
	@Transactional
	public Proposal propose(Period period, CurrentUser caller) {
		caller.require(Action.PROPOSE_PUBLICATION);
		Instant now = now();
		if (period.start().isAfter(now)) {
			throw new InvalidInputException("period", "has not begun yet");
		}
		Proposal proposal = new Proposal(UUID.randomUUID(), period, "PROPOSED", who(caller), now);
		this.jdbc.sql("""
				INSERT INTO transparency_publication_proposal (id, period, status, proposed_by, proposed_at)
				VALUES (?, ?, 'PROPOSED', ?, ?)""")
			.params(proposal.id(), period.toString(), proposal.proposedBy(), utc(now))
			.update();
		audit(caller, "report.publication-proposed", proposal, Map.of("period", period.toString()));
		return proposal;
	}

	/**
	 * A second publisher confirms: the figures are computed and signed now, and the
	 * publication is stored with the proposal's id, in one transaction with the
	 * proposal's confirmation.
	 */
	public PublishedReport confirm(Period period, UUID id, CurrentUser caller) {
		caller.require(Action.CONFIRM_PUBLICATION);
		return confirm(find(period, id), caller);
	}

	/** As {@link #confirm(Period, UUID, CurrentUser)}, for a proposal known by its id. */
	public PublishedReport confirm(UUID id, CurrentUser caller) {
		caller.require(Action.CONFIRM_PUBLICATION);
		return confirm(find(null, id), caller);
	}

	private PublishedReport confirm(Proposal proposal, CurrentUser caller) {
		UUID id = proposal.id();
		Period period = proposal.period();
		FourEyes.requireAnother(proposal.proposedBy(), who(caller),
				"Four eyes: whoever proposed this publication cannot confirm it; another publisher must.");
		requireProposed(proposal);
		return this.publications.publish(period, id, caller.actor(), Map.of("proposedBy", proposal.proposedBy()),
				() -> decide(id, "PUBLISHED", caller, null));
	}

	/**
	 * Declines a proposed publication: its proposer withdraws it, another publisher
	 * rejects it. Nothing was published.
	 * @return the proposal as it now stands (WITHDRAWN or REJECTED)
	 */
	@Transactional
	public Proposal decline(Period period, UUID id, String reason, CurrentUser caller) {
		caller.require(Action.DECLINE_PUBLICATION);
		FieldProblems problems = new FieldProblems();
		String why = problems.optional(reason, "reason", 4000);
		problems.throwIfAny();
		Proposal proposal = find(period, id);
		requireProposed(proposal);
		String status = proposal.proposedBy().equals(who(caller)) ? "WITHDRAWN" : "REJECTED";
		decide(id, status, caller, why);
		Map<String, Object> details = new TreeMap<>();
		details.put("period", period.toString());
		if (why != null) {
			details.put("reason", why);
		}
		audit(caller, status.equals("WITHDRAWN") ? "report.publication-withdrawn" : "report.publication-rejected",
				proposal, details);
		return find(period, id);
	}

	/** Proposals waiting for a second publisher, oldest first. */
	@Transactional(readOnly = true)
	public List<Proposal> open() {
		return this.jdbc
			.sql("SELECT * FROM transparency_publication_proposal WHERE status = 'PROPOSED' ORDER BY proposed_at, id")
			.query(PublicationProposals::proposal)
			.list();
	}

	/** How a caller is recorded as proposer or publisher: kind and id. */
	public static String who(CurrentUser caller) {
		return caller.actor().kind() + ":" + caller.actor().id();
	}

	/** The proposal, which must be of the period if one is named (404 otherwise). */
	private Proposal find(Period period, UUID id) {
		return this.jdbc.sql("SELECT * FROM transparency_publication_proposal WHERE id = ?")
			.param(id)
			.query(PublicationProposals::proposal)
			.optional()
			.filter((proposal) -> period == null || proposal.period().equals(period))
			.orElseThrow(() -> new NotFoundException(
					"No proposed publication " + id + ((period != null) ? " of " + period : "") + "."));
	}

	private static void requireProposed(Proposal proposal) {
		if (!proposal.status().equals("PROPOSED")) {
			throw new ConflictException(
					"This publication is not awaiting confirmation; it is " + proposal.status() + ".");
		}
	}

	/** Closes the proposal; refuses if someone else closed it first. */
	private void decide(UUID id, String status, CurrentUser caller, String reason) {
		int decided = this.jdbc
			.sql("""
					UPDATE transparency_publication_proposal SET status = ?, decided_by = ?, decided_at = ?, decline_reason = ?
					WHERE id = ? AND status = 'PROPOSED'""")
			.params(status, who(caller), utc(now()), reason, id)
			.update();
		if (decided == 0) {
			throw new ConflictException("This publication is no longer awaiting confirmation.");
		}
	}

	private void audit(CurrentUser caller, String action, Proposal proposal, Map<String, Object> details) {
		this.events.publishEvent(
				new AuditedAction(caller.actor(), action, "transparency-report", proposal.id().toString(), details));
	}

	private Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Proposal proposal(ResultSet rs, int row) throws SQLException {
		return new Proposal(rs.getObject("id", UUID.class), Period.parse(rs.getString("period")),
				rs.getString("status"), rs.getString("proposed_by"),
				rs.getObject("proposed_at", OffsetDateTime.class).toInstant());
	}

	/**
	 * A proposed publication of a period's report.
	 *
	 * @param status PROPOSED, PUBLISHED, WITHDRAWN or REJECTED
	 * @param proposedBy who proposed it, as {@code STAFF:<id>}
	 */
	public record Proposal(UUID id, Period period, String status, String proposedBy, Instant proposedAt) {

		/** Whether this caller proposed it (and so cannot confirm it). */
		public boolean proposedBy(CurrentUser caller) {
			return this.proposedBy.equals(who(caller));
		}

	}

}
