package org.custodian.authorization;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.custodian.support.Policies;
import org.custodian.support.World;

import static org.custodian.authorization.Caller.ADMIN;
import static org.custodian.authorization.Caller.ANONYMOUS;
import static org.custodian.authorization.Caller.APPROVER;
import static org.custodian.authorization.Caller.AUDITOR;
import static org.custodian.authorization.Caller.HUMAN_RIGHTS_LEAD;
import static org.custodian.authorization.Caller.INTAKE;
import static org.custodian.authorization.Caller.OWNER;
import static org.custodian.authorization.Caller.POLICY_ADMIN;
import static org.custodian.authorization.Caller.REVIEWER;
import static org.custodian.authorization.Fixtures.unique;
import static org.custodian.authorization.Row.api;
import static org.custodian.authorization.Row.console;
import static org.custodian.authorization.Row.portal;

/**
 * The matrix: who may call each endpoint of the API, the console and the portal. The
 * allowed callers come from {@code identity.Action} and the API's URL rules; the console
 * and the portal must say the same as the API.
 */
final class Rows {

	/**
	 * Known on this branch: the API checks the officer's agency, not the relationship.
	 */

	static final Set<Caller> ASSIGNERS = EnumSet.of(INTAKE, REVIEWER, APPROVER, ADMIN);

	private Rows() {
	}

	static List<Row> all() {
		List<Row> rows = new java.util.ArrayList<>(apiForOfficers());
		rows.addAll(apiForStaff());
		rows.addAll(apiForPolicy());
		rows.addAll(consoleRows());
		rows.addAll(consolePolicyRows());
		rows.addAll(portalRows());
		return rows;
	}

	static List<Row> apiForOfficers() {
		return List.of(
				// Administration
				api("POST", "/api/v1/staff").allow(ADMIN)
					.on((f) -> f.count("staff_user"))
					.body((t, c) -> Map.of("email", "staff-" + unique() + "@platform.example", "name", "New", "roles",
							List.of("AUDITOR"))),
				api("POST", "/api/v1/staff/{id}/tokens").allow(ADMIN).on(Fixtures::staffMember),
				api("POST", "/api/v1/tokens/{id}/revocation").allow(ADMIN).on(Fixtures::token),
				api("POST", "/api/v1/agencies").allow(ADMIN)
					.on((f) -> f.count("agency"))
					.body((t, c) -> Map.of("name", "Police " + unique(), "jurisdiction", "US", "kind", "POLICE",
							"emailDomains", List.of(unique() + ".police.example"), "callbackPhone", "+1 202 555 0100")),
				api("POST", "/api/v1/agencies/{id}/verification").allow(ADMIN).on(Fixtures::pendingAgency),
				api("POST", "/api/v1/agencies/{id}/officers").allow(ADMIN)
					.on(Fixtures::verifiedAgency)
					.body((t, c) -> Map.of("email", "o-" + unique() + "@" + t.var("domain"), "name", "Insp. New",
							"title", "Inspector")),
				api("POST", "/api/v1/officers/{id}/tokens").allow(ADMIN).on(Fixtures::officer),
				// Officers
				api("POST", "/api/v1/requests").allow(Caller.OFFICERS)
					.on((f) -> f.count("request"))
					.body(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER")),
				ownRequest("/api/v1/requests/{id}/withdrawal").on(Fixtures::inReview)
					.body(Map.of("reason", "Investigation closed")),
				ownRequest("/api/v1/requests/{id}/answers").on(Fixtures::needsInformation)
					.body(Map.of("answer", "The one registered in 2019.")),
				ownRequest("/api/v1/requests/{id}/preservation/extension").on(Fixtures::preservation),
				ownRequest("/api/v1/requests/{id}/preservation-reference").on(Fixtures::legalAndPreservation)
					.body((t, c) -> Map.of("preservationRequestId", t.var("preservation"))),
				ownRequest("/api/v1/requests/{id}/emergency-follow-up").on(Fixtures::legalAndEmergencyDisclosure)
					.body((t, c) -> Map.of("emergencyRequestId", t.var("emergency"))),
				ownRequest("/api/v1/requests/{id}/production/passphrase").on(Fixtures::produced),
				api("GET", "/api/v1/requests/{id}/production").allow(OWNER, Caller.COLLEAGUE)
					.on(Fixtures::produced)
					.readOnly());
	}

	static List<Row> apiForStaff() {
		return List.of(
				// The response team
				api("GET", "/api/v1/cases/{id}").allow(Caller.STAFF).on(Fixtures::inReview).readOnly(),
				api("GET", "/api/v1/cases/{id}/document").allow(Caller.STAFF).on(Fixtures::withDocument).readOnly(),
				api("POST", "/api/v1/cases/{id}/assignment").allow(ASSIGNERS)
					.on(Fixtures::inReview)
					.body((t, c) -> Map.of("reviewerId", c.get(REVIEWER).id())),
				api("POST", "/api/v1/cases/{id}/decision").allow(REVIEWER)
					.on(Fixtures::inReview)
					.body(World.decision("NO_DATA", List.of())),
				api("POST", "/api/v1/cases/{id}/approval").allow(APPROVER)
					.on(Fixtures::pendingApproval)
					.fourEyes()
					.body(Map.of("approve", true, "comment", "Agreed")),
				api("POST", "/api/v1/cases/{id}/questions").allow(REVIEWER)
					.on(Fixtures::inReview)
					.body(Map.of("question", "Which account, exactly?")),
				api("POST", "/api/v1/cases/{id}/emergency-verification").allow(ASSIGNERS)
					.on(Fixtures::emergency)
					.body(Map.of("calledNumber", Fixtures.CALLBACK, "confirmed", true, "notes", "Confirmed")),
				api("POST", "/api/v1/cases/{id}/human-rights-review").allow(HUMAN_RIGHTS_LEAD)
					.on(Fixtures::inReview)
					.body(Map.of("verdict", "SATISFIED", "note", "No concern")),
				api("POST", "/api/v1/cases/{id}/sanctions-review").allow(POLICY_ADMIN)
					.on(Fixtures::sanctionsHeld)
					.body(Map.of("release", false, "note", "Confirmed match")),
				api("POST", "/api/v1/sanctions/lists").allow(POLICY_ADMIN)
					.on(Fixtures::sanctionsImports)
					.body((t, c) -> Fixtures.sampleSanctions()));
	}

	static List<Row> apiForPolicy() {
		return List.of(
				// Jurisdiction-wide decisions
				api("POST", "/api/v1/pauses/preview").allow(POLICY_ADMIN).readOnly().body(Fixtures.pauseForm()),
				api("POST", "/api/v1/pauses").allow(POLICY_ADMIN)
					.on((f) -> f.count("pause"))
					.body(Fixtures.pauseForm()),
				api("POST", "/api/v1/pauses/{id}/lifting").allow(POLICY_ADMIN)
					.on(Fixtures::pause)
					.body(Map.of("rationale", "Matrix test")),
				api("PUT", "/api/v1/jurisdictions/{code}/mlat-only").allow(POLICY_ADMIN)
					.on(Fixtures::rules)
					.body(Map.of("enabled", true, "reason", "MLAT only")),
				api("PUT", "/api/v1/jurisdictions/{code}/legal-tiers/{instrument}").allow(POLICY_ADMIN)
					.on(Fixtures::rules)
					.body(Map.of("categories", List.of("BASIC_SUBSCRIBER", "NON_CONTENT"))),
				api("PUT", "/api/v1/jurisdictions/{code}/risk").allow(POLICY_ADMIN, HUMAN_RIGHTS_LEAD)
					.on(Fixtures::rules)
					.body(Map.of("level", "HIGH", "reason", "Matrix test")),
				// Human-rights due diligence
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
				// Public figures and the audit log
				api("POST", "/api/v1/transparency/reports/{period}/publications").allow(POLICY_ADMIN, ADMIN)
					.on(Fixtures::period),
				api("GET", "/api/v1/audit/verification").allow(AUDITOR, ADMIN).readOnly());
	}

	static List<Row> consoleRows() {
		return List.of(
				console("POST", "/console/login").publicRow("anyone may try to sign in")
					.refusedAs("401")
					.on(Fixtures::staffAccount)
					.body((t, c) -> Map.of("email", c.get(REVIEWER).email(), "password", "not the password")),
				console("POST", "/console/enrolment")
					.selfService("only a session between its password and its first code (every sign-in here)"),
				console("POST", "/console/admin/staff").allow(ADMIN)
					.on((f) -> f.count("staff_user"))
					.body((t, c) -> Map.of("email", "staff-" + unique() + "@platform.example", "name", "New", "roles",
							"AUDITOR", "password", "a long and careful passphrase")),
				console("POST", "/console/admin/agencies").allow(ADMIN)
					.on((f) -> f.count("agency"))
					.body((t, c) -> Map.of("name", "Police " + unique(), "jurisdiction", "US", "kind", "POLICE",
							"emailDomains", unique() + ".police.example", "callbackPhone", "+1 202 555 0100")),
				console("POST", "/console/admin/agencies/{id}/status").allow(ADMIN)
					.on(Fixtures::pendingAgency)
					.body(Map.of("status", "VERIFIED")),
				console("GET", "/console/cases/{id}").allow(Caller.STAFF).on(Fixtures::inReview).page().readOnly(),
				console("GET", "/console/cases/{id}/document").allow(Caller.STAFF)
					.on(Fixtures::withDocument)
					.page()
					.readOnly(),
				// "Assign to me": INTAKE, APPROVER and ADMIN may assign, but only to a
				// reviewer.
				console("POST", "/console/cases/{id}/assignment").allow(REVIEWER)
					.on(Fixtures::inReview)
					.refusedAs("400", INTAKE, APPROVER, ADMIN),
				console("POST", "/console/cases/{id}/decision").allow(REVIEWER)
					.on(Fixtures::inReview)
					.body(decisionForm()),
				console("POST", "/console/cases/{id}/approval").allow(APPROVER)
					.on(Fixtures::pendingApproval)
					.fourEyes()
					.body(Map.of("verdict", "approve", "comment", "Agreed")),
				console("POST", "/console/cases/{id}/questions").allow(REVIEWER)
					.on(Fixtures::inReview)
					.body(Map.of("question", "Which account, exactly?")));
	}

	static List<Row> consolePolicyRows() {
		return List.of(
				console("POST", "/console/policy/pauses/preview").allow(POLICY_ADMIN)
					.page()
					.readOnly()
					.body(pauseForm()),
				console("POST", "/console/policy/pauses").allow(POLICY_ADMIN)
					.on((f) -> f.count("pause"))
					.body(pauseForm()),
				console("POST", "/console/policy/pauses/{id}/lifting").allow(POLICY_ADMIN)
					.on(Fixtures::pause)
					.body(Map.of("rationale", "Matrix test")),
				console("POST", "/console/policy/mlat-only").allow(POLICY_ADMIN)
					.on(Fixtures::rules)
					.body(Map.of("jurisdiction", Fixtures.RULED, "enabled", "true", "reason", "MLAT only")),
				// The console's policy pages are the policy administrators'; a
				// human-rights
				// lead sets a risk level through the API.
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
				console("POST", "/console/transparency/{period}/publications").allow(POLICY_ADMIN, ADMIN)
					.on(Fixtures::period),
				console("POST", "/console/transparency/publications/{id}/verification")
					.allow(AUDITOR, ADMIN, POLICY_ADMIN)
					.on(Fixtures::publication)
					.page()
					.readOnly(),
				console("POST", "/console/audit/verification").allow(AUDITOR, ADMIN).page().readOnly());
	}

	static List<Row> portalRows() {
		return List.of(
				portal("POST", "/portal/login").publicRow("anyone may try to sign in")
					.refusedAs("401")
					.on(Fixtures::ownerAccount)
					.body((t, c) -> Map.of("email", c.get(OWNER).email(), "password", "not the password")),
				portal("POST", "/portal/register").publicRow("anyone may register with an agency's address")
					.allow(ANONYMOUS)
					.page()
					.on((f) -> f.count("officer_registration"))
					.body((t, c) -> Map.of("email", "new-" + unique() + "@" + c.agency.domain(), "name", "Insp. New",
							"title", "Inspector", "password", "a long and careful passphrase", "passwordConfirmation",
							"a long and careful passphrase")),
				portal("GET", "/portal/confirm").publicRow("whoever holds the e-mailed link confirms")
					.allow(ANONYMOUS)
					.page()
					.on(Fixtures::registration),
				portal("POST", "/portal/enrolment")
					.selfService("only a session between its password and its first code (every sign-in here)"),
				portal("POST", "/portal/requests").allow(Caller.OFFICERS)
					.on((f) -> f.count("request"))
					.body(Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Production order 12",
							"targets[0].kind", "EMAIL", "targets[0].value", "who@example.com", "categories",
							"BASIC_SUBSCRIBER")),
				portal("POST", "/portal/requests/{id}/answer").allow(OWNER)
					.on(Fixtures::needsInformation)
					.body(Map.of("answer", "The one registered in 2019.")),
				portal("POST", "/portal/requests/{id}/withdrawal").allow(OWNER)
					.on(Fixtures::inReview)
					.body(Map.of("reason", "Investigation closed")),
				portal("POST", "/portal/requests/{id}/delegations").allow(OWNER)
					.on(Fixtures::inReview)
					.body((t, c) -> Map.of("email", c.spareEmail)),
				portal("POST", "/portal/requests/{id}/delegations/{officerId}/revocation").allow(OWNER)
					.on(Fixtures::delegated),
				portal("POST", "/portal/requests/{id}/production/passphrase").allow(OWNER)
					.on(Fixtures::produced)
					.page(),
				portal("GET", "/portal/requests/{id}/production").allow(OWNER)
					.on(Fixtures::produced)
					.page()
					.readOnly());
	}

	/**
	 * An officer's action on a request of the API: an officer's token acts for the whole
	 * agency (ADR 4), so a colleague may act too; another agency gets 404.
	 */
	private static Row ownRequest(String pattern) {
		return api("POST", pattern).allow(OWNER, Caller.COLLEAGUE);
	}

	private static Map<String, String> decisionForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("outcome", "NO_DATA");
		form.put("reason", "No account matches");
		for (String field : List.of("legality", "legitimateAim", "necessity", "proportionality", "competentAuthority",
				"companyPolicy", "humanRights")) {
			form.put("assessment." + field + ".verdict", "SATISFIED");
			form.put("assessment." + field + ".note", "Checked");
		}
		return form;
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

	private static Map<String, String> pauseForm() {
		Map<String, String> form = new LinkedHashMap<>();
		Policies
			.pause(Fixtures.PAUSED, "FROM_AUTHORITIES", List.of(), "NEW_ONLY", "2020-06-30T15:00:00Z",
					"When the matrix test ends")
			.forEach((key, value) -> form.put(key, String.valueOf(value)));
		form.put("stages", "REVIEW");
		return form;
	}

}
