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

	public Person admin() {
		return this.admin;
	}

	public Policies(Api api, Person policyAdmin) {
		this.api = api;
		this.admin = policyAdmin;
	}

	public Api.Response preview(Map<String, Object> pause) {
		return this.api.as(this.admin.token()).post("/api/v1/pauses/preview", pause);
	}

	/** Enacts a pause; returns the response ({id, held}). */
	public Api.Response enact(Map<String, Object> pause) {
		Api.Response response = this.api.as(this.admin.token()).post("/api/v1/pauses", pause);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	public Api.Response lift(String pauseId, String rationale) {
		return this.api.as(this.admin.token())
			.post("/api/v1/pauses/" + pauseId + "/lifting", Map.of("rationale", rationale));
	}

	/**
	 * Lifts every pause in force, bypassing the due-diligence gate: tests share one
	 * database, and a pause left behind would hold the next test's requests.
	 */
	public static void liftAll(JdbcClient jdbc) {
		jdbc.sql("UPDATE pause SET lifted_at = now(), lifted_by = gen_random_uuid(), lifting_rationale = 'test end' "
				+ "WHERE lifted_at IS NULL")
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
