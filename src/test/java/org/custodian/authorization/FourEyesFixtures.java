package org.custodian.authorization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.Policies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jurisdiction-wide decisions of the matrix, each at the step a row takes next: a
 * pause proposed by {@link Caller#PROPOSER}, in force (confirmed by the policy
 * administrator), enacted urgently by the proposer alone, with its lifting proposed by
 * the proposer; a publication proposed by the proposer, or published.
 */
final class FourEyesFixtures {

	/** The half-year every publication row proposes or publishes. */
	static final String PERIOD = "2019-H1";

	private final Fixtures fixtures;

	private final Probes probes;

	FourEyesFixtures(Fixtures fixtures, Probes probes) {
		this.fixtures = fixtures;
		this.probes = probes;
	}

	/** Proposed by the proposer: listed, holding nothing until someone else confirms. */
	Target proposedPause() {
		return pause(propose(pauseForm(), 202));
	}

	/** Proposed by the proposer and confirmed by the policy administrator. */
	Target pauseInForce() {
		String id = propose(pauseForm(), 202);
		Fixtures.ok(this.fixtures.as(Caller.POLICY_ADMIN).post("/api/v1/pauses/" + id + "/confirmation", Map.of()));
		return pause(id);
	}

	/** Enacted at once by the proposer alone, awaiting a second one's review. */
	Target urgentPause() {
		return pause(propose(urgentPauseForm(), 201));
	}

	/** In force, and the proposer proposed lifting it. */
	Target liftingProposed() {
		Target pause = pauseInForce();
		Fixtures.ok(this.fixtures.as(Caller.PROPOSER)
			.post("/api/v1/pauses/" + pause.var("id") + "/lifting", Map.of("rationale", "The matrix test lifts it")));
		return pause;
	}

	/** The jurisdiction's pauses in every state, for the rows that propose one. */
	Target pauses() {
		return new Target(Map.of(), List.of(), this.probes
			.rows("SELECT id, status, enacted_at FROM pause WHERE jurisdiction = ? ORDER BY id", Fixtures.PAUSED));
	}

	static Map<String, Object> pauseForm() {
		return Policies.pause(Fixtures.PAUSED, "FROM_AUTHORITIES", List.of("REVIEW"), "NEW_ONLY",
				"2020-06-30T15:00:00Z", "When the matrix test ends");
	}

	static Map<String, Object> urgentPauseForm() {
		Map<String, Object> form = new HashMap<>(pauseForm());
		form.put("urgent", true);
		form.put("urgentReason", "Disclosures to this authority must stop tonight");
		return form;
	}

	private String propose(Map<String, Object> form, int status) {
		Api.Response proposed = this.fixtures.as(Caller.PROPOSER).post("/api/v1/pauses", form);
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(status);
		return proposed.json().path("id").asString();
	}

	private Target pause(String id) {
		return new Target(Map.of("id", id), List.of(id),
				this.probes.rows("SELECT * FROM pause WHERE id = ?::uuid", id));
	}

	// Publications

	/** The period's proposals and publications, for the rows that propose one. */
	Target period() {
		return new Target(Map.of("period", PERIOD), List.of(),
				this.probes
					.rows("SELECT 'proposal', id, status FROM transparency_publication_proposal WHERE period = ? "
							+ "UNION ALL SELECT 'publication', id, NULL FROM transparency_publication WHERE period = ? "
							+ "ORDER BY 1, 2", PERIOD, PERIOD));
	}

	/** Proposed by the proposer; nothing computed or signed yet. */
	Target publicationProposal() {
		return publication(proposePublication());
	}

	/**
	 * Proposed by the proposer and confirmed, so published, by the policy administrator.
	 */
	Target published() {
		String id = proposePublication();
		Api.Response published = this.fixtures.as(Caller.POLICY_ADMIN)
			.post("/api/v1/transparency/reports/" + PERIOD + "/publications/" + id + "/confirmation", Map.of());
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		return publication(id);
	}

	private String proposePublication() {
		Api.Response proposed = this.fixtures.as(Caller.PROPOSER)
			.post("/api/v1/transparency/reports/" + PERIOD + "/publications", Map.of());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		return proposed.json().path("id").asString();
	}

	private Target publication(String id) {
		return new Target(Map.of("id", id, "period", PERIOD), List.of(id),
				this.probes.rows("SELECT p.status, p.decided_by, p.decline_reason, (SELECT count(*) FROM "
						+ "transparency_publication t WHERE t.id = p.id) FROM transparency_publication_proposal p "
						+ "WHERE p.id = ?::uuid", id));
	}

}
