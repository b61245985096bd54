package org.custodian.authorization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.custodian.support.Policies;

import static org.custodian.authorization.Caller.ADMIN;
import static org.custodian.authorization.Caller.AUDITOR;
import static org.custodian.authorization.Caller.HUMAN_RIGHTS_LEAD;
import static org.custodian.authorization.Caller.POLICY_ADMIN;
import static org.custodian.authorization.Caller.PROPOSER;
import static org.custodian.authorization.Row.api;
import static org.custodian.authorization.Row.console;

/**
 * The matrix's jurisdiction-wide rows: pauses and their liftings, rules, due diligence,
 * the public figures. Pauses, liftings and publications take two people (ADR 8): the
 * confirmations and the urgent review refuse their proposer ({@code fourEyes()}); a
 * rejection by the proposer is a withdrawal, so the proposer is among those allowed.
 */
final class PolicyRows {

	private PolicyRows() {
	}

	static List<Row> apiRows() {
		List<Row> rows = new java.util.ArrayList<>(apiPauses());
		rows.addAll(List.of(
				api("PUT", "/api/v1/jurisdictions/{code}/mlat-only").allow(POLICY_ADMIN)
					.on(Fixtures::rules)
					.body(Map.of("enabled", true, "reason", "MLAT only")),
				api("PUT", "/api/v1/jurisdictions/{code}/legal-tiers/{instrument}").allow(POLICY_ADMIN)
					.on(Fixtures::rules)
					.body(Map.of("categories", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"))),
				api("PUT", "/api/v1/jurisdictions/{code}/risk").allow(POLICY_ADMIN, HUMAN_RIGHTS_LEAD)
					.on(Fixtures::rules)
					.body(Map.of("level", "HIGH", "reason", "Matrix test")),
				// Human-rights due diligence; the public figures and the audit log
				api("POST", "/api/v1/assessments").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.count("dd_assessment"))
					.body(Map.of("jurisdiction", Fixtures.PAUSED, "subject", "Matrix", "triggerDate", "2020-06-30")),
				api("POST", "/api/v1/assessments/{id}/consultations").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.assessment(0))
					.body(Fixtures.consultation()),
				api("POST", "/api/v1/assessments/{id}/conclusion").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.assessment(1))
					.body(Fixtures.conclusion()),
				api("POST", "/api/v1/assessments/{id}/sign-off").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.assessment(2))
					.fourEyes(),
				api("GET", "/api/v1/audit/verification").allow(AUDITOR, ADMIN).readOnly()));
		rows.addAll(publicationSteps(Row::api, "/api/v1/transparency/reports/{period}/publications",
				Map.of("reason", "Figures not checked yet")));
		return rows;
	}

	private static List<Row> apiPauses() {
		List<Row> rows = new java.util.ArrayList<>(List.of(
				api("POST", "/api/v1/pauses/preview").allow(POLICY_ADMIN).readOnly().body(FourEyesFixtures.pauseForm()),
				api("POST", "/api/v1/pauses").allow(POLICY_ADMIN)
					.on((f) -> f.decisions.pauses())
					.body(FourEyesFixtures.pauseForm()),
				api("POST", "/api/v1/pauses").variant("urgent")
					.allow(POLICY_ADMIN)
					.on((f) -> f.decisions.pauses())
					.body(FourEyesFixtures.urgentPauseForm())));
		rows.addAll(pauseSteps(Row::api, "/api/v1/pauses/{id}"));
		return rows;
	}

	/**
	 * The steps after a pause's proposal, the same on both surfaces (their bodies are
	 * JSON for one, form fields for the other).
	 */
	private static List<Row> pauseSteps(BiFunction<String, String, Row> surface, String pause) {
		return List.of(
				surface.apply("POST", pause + "/confirmation")
					.allow(POLICY_ADMIN)
					.on((f) -> f.decisions.proposedPause())
					.fourEyes(),
				surface.apply("POST", pause + "/review")
					.allow(POLICY_ADMIN)
					.on((f) -> f.decisions.urgentPause())
					.fourEyes()
					.body(Map.of("note", "Reviewed: the emergency was real")),
				surface.apply("POST", pause + "/rejection")
					.allow(POLICY_ADMIN, PROPOSER)
					.on((f) -> f.decisions.proposedPause())
					.body(Map.of("reason", "Not needed")),
				surface.apply("POST", pause + "/lifting")
					.allow(POLICY_ADMIN)
					.on((f) -> f.decisions.pauseInForce())
					.body(Map.of("rationale", "Matrix test")),
				surface.apply("POST", pause + "/lifting/confirmation")
					.allow(POLICY_ADMIN)
					.on((f) -> f.decisions.liftingProposed())
					.fourEyes(),
				surface.apply("POST", pause + "/lifting/rejection")
					.allow(POLICY_ADMIN, PROPOSER)
					.on((f) -> f.decisions.liftingProposed())
					.body(Map.of("reason", "Keep it")));
	}

	static List<Row> consoleRows() {
		List<Row> rows = new java.util.ArrayList<>(consolePauses());
		rows.addAll(List.of(
				console("POST", "/console/policy/mlat-only").allow(POLICY_ADMIN)
					.on(Fixtures::rules)
					.body(Map.of("jurisdiction", Fixtures.RULED, "enabled", "true", "reason", "MLAT only")),
				// The console's policy pages are the policy administrators'; a
				// human-rights lead sets a risk level through the API.
				console("POST", "/console/policy/risk").allow(POLICY_ADMIN)
					.on(Fixtures::rules)
					.body(Map.of("jurisdiction", Fixtures.RULED, "level", "HIGH", "reason", "Matrix test")),
				console("POST", "/console/assessments").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.count("dd_assessment"))
					.body(Map.of("jurisdiction", Fixtures.PAUSED, "subject", "Matrix", "triggerDate", "2020-06-30")),
				console("POST", "/console/assessments/{id}/consultations").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.assessment(0))
					.body(Map.of("expert", "Dr. Roe", "organisation", "Bar association", "date", "2020-07-01",
							"summary", "Offences are vague")),
				console("POST", "/console/assessments/{id}/conclusion").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.assessment(1))
					.body(conclusionForm()),
				console("POST", "/console/assessments/{id}/sign-off").allow(HUMAN_RIGHTS_LEAD)
					.on((f) -> f.assessment(2))
					.fourEyes(),
				console("POST", "/console/transparency/publications/{id}/verification")
					.allow(AUDITOR, ADMIN, POLICY_ADMIN)
					.on((f) -> f.decisions.published())
					.page()
					.readOnly(),
				console("POST", "/console/audit/verification").allow(AUDITOR, ADMIN).page().readOnly()));
		rows.addAll(publicationSteps(Row::console, "/console/transparency/{period}/publications", Map.of()));
		return rows;
	}

	/**
	 * Proposing a period's publication, confirming it, declining it: on both surfaces.
	 */
	private static List<Row> publicationSteps(BiFunction<String, String, Row> surface, String publications,
			Map<String, ?> rejection) {
		return List.of(surface.apply("POST", publications).allow(POLICY_ADMIN, ADMIN).on((f) -> f.decisions.period()),
				surface.apply("POST", publications + "/{id}/confirmation")
					.allow(POLICY_ADMIN, ADMIN)
					.on((f) -> f.decisions.publicationProposal())
					.fourEyes(),
				surface.apply("POST", publications + "/{id}/rejection")
					.allow(POLICY_ADMIN, ADMIN, PROPOSER)
					.on((f) -> f.decisions.publicationProposal())
					.body(rejection));
	}

	private static List<Row> consolePauses() {
		List<Row> rows = new java.util.ArrayList<>(List.of(
				console("POST", "/console/policy/pauses/preview").allow(POLICY_ADMIN)
					.page()
					.readOnly()
					.body(pauseForm(false)),
				console("POST", "/console/policy/pauses").allow(POLICY_ADMIN)
					.on((f) -> f.decisions.pauses())
					.body(pauseForm(false)),
				console("POST", "/console/policy/pauses").variant("urgent")
					.allow(POLICY_ADMIN)
					.on((f) -> f.decisions.pauses())
					.body(pauseForm(true))));
		rows.addAll(pauseSteps(Row::console, "/console/policy/pauses/{id}"));
		return rows;
	}

	private static Map<String, String> conclusionForm() {
		Map<String, String> form = new LinkedHashMap<>();
		for (String right : List.of("privacy", "expression", "assembly", "fairTrial", "liberty")) {
			form.put("findings." + right + ".risk", "HIGH");
			form.put("findings." + right + ".note", "Assessed");
		}
		form.put("decision", "MAINTAIN_PAUSE");
		form.put("rationale", "Too vague to assess case by case.");
		return form;
	}

	private static Map<String, String> pauseForm(boolean urgent) {
		Map<String, String> form = new LinkedHashMap<>();
		Policies
			.pause(Fixtures.PAUSED, "FROM_AUTHORITIES", List.of(), "NEW_ONLY", "2020-06-30T15:00:00Z",
					"When the matrix test ends")
			.forEach((key, value) -> form.put(key, String.valueOf(value)));
		form.put("stages", "REVIEW");
		if (urgent) {
			form.put("urgent", "on");
			form.put("urgentReason", "Disclosures to this authority must stop tonight");
		}
		return form;
	}

}
