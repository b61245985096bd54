package org.custodian.authorization;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.custodian.support.World;

import static org.custodian.authorization.Caller.ADMIN;
import static org.custodian.authorization.Caller.ANONYMOUS;
import static org.custodian.authorization.Caller.APPROVER;
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
		// The officers' rows come last: their fixtures wait for jobs started before the
		// first row.
		List<Row> rows = new java.util.ArrayList<>(apiForStaff());
		rows.addAll(PolicyRows.apiRows());
		rows.addAll(QueueRows.rows());
		rows.addAll(consoleRows());
		rows.addAll(PolicyRows.consoleRows());
		rows.addAll(SingleSignOnRows.consoleRows());
		rows.addAll(RemovalRows.all());
		rows.addAll(AppealRows.all());
		rows.addAll(apiForOfficers());
		rows.addAll(portalRows());
		rows.addAll(PortalDayRows.portalRows());
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
				// Opening the e-mailed link only shows the form; whoever holds the link
				// chooses the password, and only that confirms the registration.
				portal("GET", "/portal/confirm").publicRow("opening the e-mailed link changes nothing")
					.allow(ANONYMOUS)
					.page()
					.readOnly()
					.on(Fixtures::registration),
				portal("POST", "/portal/confirm").publicRow("whoever holds the e-mailed link chooses the password")
					.allow(ANONYMOUS)
					.page()
					.on(Fixtures::registrationToken)
					.body((t, c) -> Map.of("token", t.var("token"), "password", "a long and careful passphrase",
							"passwordConfirmation", "a long and careful passphrase")),
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

}
