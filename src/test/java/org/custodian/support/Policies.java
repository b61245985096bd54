package org.custodian.support;

import java.util.List;
import java.util.Map;

import org.custodian.support.World.Person;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pauses and due diligence through the API, as a policy administrator and human-rights
 * leads would do them.
 */
public final class Policies {

	private final Api api;

	private final Person admin;

	private final Person second;

	/** Two policy administrators: one proposes, the other confirms. */
	public Policies(Api api, World world) {
		this(api, world.staff("POLICY_ADMIN"), world.staff("POLICY_ADMIN"));
	}

	public Policies(Api api, Person proposer, Person confirmer) {
		this.api = api;
		this.admin = proposer;
		this.second = confirmer;
	}

	/** The policy administrator who proposes. */
	public Person admin() {
		return this.admin;
	}

	/** The second policy administrator, who confirms. */
	public Person second() {
		return this.second;
	}

	public Api.Response preview(Map<String, Object> pause) {
		return this.api.as(this.admin.token()).post("/api/v1/pauses/preview", pause);
	}

	/** Proposes a pause as the first administrator: 202 {id, status}, holds nothing. */
	public Api.Response propose(Map<String, Object> pause) {
		return this.api.as(this.admin.token()).post("/api/v1/pauses", pause);
	}

	/** Confirms a proposed pause as the second administrator: 201 {id, held}. */
	public Api.Response confirm(String pauseId) {
		return this.api.as(this.second.token()).post("/api/v1/pauses/" + pauseId + "/confirmation", Map.of());
	}

	/**
	 * Enacts a pause under four eyes (proposed by one, confirmed by the other); returns
	 * the confirmation ({id, held}).
	 */
	public Api.Response enact(Map<String, Object> pause) {
		Api.Response proposed = propose(pause);
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		Api.Response confirmed = confirm(proposed.json().path("id").asString());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
		return confirmed;
	}

	/** Proposes lifting the pause as the first administrator (202, or why not). */
	public Api.Response proposeLifting(String pauseId, String rationale) {
		return this.api.as(this.admin.token())
			.post("/api/v1/pauses/" + pauseId + "/lifting", Map.of("rationale", rationale));
	}

	/**
	 * Lifts a pause under four eyes: the proposal's refusal if it is refused, otherwise
	 * the second administrator's confirmation ({released}).
	 */
	public Api.Response lift(String pauseId, String rationale) {
		Api.Response proposed = proposeLifting(pauseId, rationale);
		if (proposed.status() != 202) {
			return proposed;
		}
		return this.api.as(this.second.token()).post("/api/v1/pauses/" + pauseId + "/lifting/confirmation", Map.of());
	}

	/**
	 * Lifts every pause in force and withdraws every proposal, bypassing four eyes and
	 * the due-diligence gate: tests share one database, and a pause left behind would
	 * hold the next test's requests.
	 */
	public static void liftAll(JdbcClient jdbc) {
		jdbc.sql("""
				UPDATE pause SET status = 'LIFTED', lifted_at = now(), lifted_by = gen_random_uuid(),
				  lifting_proposed_at = coalesce(lifting_proposed_at, now()),
				  lifting_proposed_by = coalesce(lifting_proposed_by, gen_random_uuid()),
				  lifting_rationale = coalesce(lifting_rationale, 'test end')
				WHERE status = 'IN_FORCE'""").update();
		jdbc.sql("UPDATE pause SET status = 'WITHDRAWN', declined_at = now(), declined_by = gen_random_uuid() "
				+ "WHERE status = 'PROPOSED'")
			.update();
	}

	public static Map<String, Object> pause(String jurisdiction, String match, List<String> stages, String appliesTo,
			String effectiveFrom, String liftingCondition) {
		Map<String, Object> pause = new java.util.HashMap<>();
		pause.put("jurisdiction", jurisdiction);
		pause.put("match", match);
		pause.put("stages", stages);
		pause.put("appliesTo", appliesTo);
		pause.put("effectiveFrom", effectiveFrom);
		pause.put("reason", "Pending formal human rights due diligence on the National Security Law.");
		pause.put("liftingCondition", liftingCondition);
		return pause;
	}

	/** Findings for every right, at one risk level. */
	public static Map<String, Object> findings(String risk) {
		Map<String, Object> findings = new java.util.LinkedHashMap<>();
		for (String right : List.of("privacy", "expression", "assembly", "fairTrial", "liberty")) {
			findings.put(right, Map.of("risk", risk, "note", "Assessed " + right));
		}
		return findings;
	}

}
