package org.custodian.web.fuzz;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.World;

/**
 * A valid call to every write endpoint of the API, keyed by method and path pattern as
 * the application maps them, against fixtures made for the fuzz test. A new write
 * endpoint without a template here fails {@code HostileInputFuzzTests}.
 */
final class WriteEndpoints {

	/** Where a call's body goes. */
	enum Kind {

		JSON, MULTIPART, CSV, NONE

	}

	/** One endpoint's valid call: who calls it, the concrete path and a body. */
	record Template(String key, Kind kind, String token, String path, Object body) {
	}

	/** The people and things the templates act on. */
	record Fixtures(String staffToken, String officerToken, String requestId, String spareAgencyId,
			String spareOfficerId, String staffId, String assessmentId) {
	}

	private WriteEndpoints() {
	}

	static List<Template> templates(Fixtures f) {
		String staff = f.staffToken();
		String officer = f.officerToken();
		String request = "/api/v1/requests/" + f.requestId();
		String kase = "/api/v1/cases/" + f.requestId();
		String assessment = "/api/v1/assessments/" + f.assessmentId();
		List<Template> templates = new ArrayList<>(fourEyes(staff));
		templates.addAll(removals(staff, officer));
		templates.addAll(List.of(json("POST /api/v1/requests", officer, "/api/v1/requests", submission()),
				new Template("POST /api/v1/requests", Kind.MULTIPART, officer, "/api/v1/requests", submission()),
				json("POST /api/v1/requests/{id}/withdrawal", officer, request + "/withdrawal",
						Map.of("reason", "Case closed")),
				json("POST /api/v1/requests/{id}/answers", officer, request + "/answers", Map.of("answer", "Yes")),
				none("POST /api/v1/requests/{id}/preservation/extension", officer, request + "/preservation/extension"),
				json("POST /api/v1/requests/{id}/preservation-reference", officer, request + "/preservation-reference",
						Map.of("preservationRequestId", UUID.randomUUID().toString())),
				none("POST /api/v1/requests/{id}/production/passphrase", officer, request + "/production/passphrase"),
				json("POST /api/v1/requests/{id}/emergency-follow-up", officer, request + "/emergency-follow-up",
						Map.of("emergencyRequestId", UUID.randomUUID().toString())),
				json("POST /api/v1/cases/{id}/assignment", staff, kase + "/assignment",
						Map.of("reviewerId", f.staffId())),
				json("POST /api/v1/cases/{id}/decision", staff, kase + "/decision",
						World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER"))),
				json("POST /api/v1/cases/{id}/approval", staff, kase + "/approval",
						Map.of("approve", false, "comment", "Not yet")),
				json("POST /api/v1/cases/{id}/questions", staff, kase + "/questions", Map.of("question", "Which?")),
				json("POST /api/v1/cases/{id}/sanctions-review", staff, kase + "/sanctions-review",
						Map.of("release", true, "note", "Cleared")),
				json("POST /api/v1/cases/{id}/human-rights-review", staff, kase + "/human-rights-review",
						Map.of("verdict", "SATISFIED", "note", "Assessed")),
				json("POST /api/v1/cases/{id}/emergency-verification", staff, kase + "/emergency-verification",
						Map.of("calledNumber", "+64 4 472 9999", "confirmed", false, "notes", "No answer")),
				json("POST /api/v1/pauses/preview", staff, "/api/v1/pauses/preview", pause()),
				json("POST /api/v1/pauses", staff, "/api/v1/pauses", pause()),
				json("POST /api/v1/pauses/{id}/lifting", staff, "/api/v1/pauses/" + UUID.randomUUID() + "/lifting",
						Map.of("rationale", "Law repealed")),
				json("PUT /api/v1/jurisdictions/{code}/mlat-only", staff, "/api/v1/jurisdictions/AQ/mlat-only",
						Map.of("enabled", false, "reason", "Treaty route")),
				json("PUT /api/v1/jurisdictions/{code}/legal-tiers/{instrument}", staff,
						"/api/v1/jurisdictions/AQ/legal-tiers/SUBPOENA",
						Map.of("categories", List.of("BASIC_SUBSCRIBER"))),
				json("PUT /api/v1/jurisdictions/{code}/risk", staff, "/api/v1/jurisdictions/AQ/risk",
						Map.of("level", "LOW", "reason", "Reviewed")),
				json("POST /api/v1/assessments", staff, "/api/v1/assessments",
						Map.of("jurisdiction", "AQ", "subject", "A new law", "triggerDate", "2020-07-01")),
				json("POST /api/v1/assessments/{id}/consultations", staff, assessment + "/consultations",
						Map.of("expert", "Dr. Expert", "organisation", "University", "date", "2020-07-02", "summary",
								"Concerns")),
				json("POST /api/v1/assessments/{id}/conclusion", staff, assessment + "/conclusion", conclusion()),
				none("POST /api/v1/assessments/{id}/sign-off", staff, assessment + "/sign-off"),
				json("POST /api/v1/staff", staff, "/api/v1/staff",
						Map.of("email", "fuzz-" + UUID.randomUUID() + "@platform.example", "name", "Fuzz", "roles",
								List.of("AUDITOR"))),
				none("POST /api/v1/staff/{id}/tokens", staff, "/api/v1/staff/" + UUID.randomUUID() + "/tokens"),
				none("POST /api/v1/tokens/{id}/revocation", staff,
						"/api/v1/tokens/" + UUID.randomUUID() + "/revocation"),
				json("POST /api/v1/agencies", staff, "/api/v1/agencies",
						Map.of("name", "Fuzz Police", "jurisdiction", "AQ", "kind", "POLICE", "emailDomains",
								List.of("fuzz-" + UUID.randomUUID().toString().substring(0, 8) + ".example"),
								"callbackPhone", "+64 4 472 9999")),
				json("POST /api/v1/agencies/{id}/verification", staff,
						"/api/v1/agencies/" + f.spareAgencyId() + "/verification",
						Map.of("status", "SUSPENDED", "reason", "Checks")),
				json("POST /api/v1/agencies/{id}/officers", staff,
						"/api/v1/agencies/" + f.spareAgencyId() + "/officers",
						Map.of("email", "fuzz@unregistered.example", "name", "N", "title", "T")),
				none("POST /api/v1/officers/{id}/tokens", staff, "/api/v1/officers/" + f.spareOfficerId() + "/tokens"),
				new Template("POST /api/v1/sanctions/lists", Kind.CSV, staff, "/api/v1/sanctions/lists",
						Map.of("name", "Fuzz Entity", "program", "SDGT", "remarks", "-")),
				none("POST /api/v1/transparency/reports/{period}/publications", staff,
						"/api/v1/transparency/reports/2001-H1/publications")));
		return templates;
	}

	/** The two steps of jurisdiction-wide decisions (ADR 8): confirm, review, decline. */
	private static List<Template> fourEyes(String staff) {
		String pause = "/api/v1/pauses/" + UUID.randomUUID();
		String publication = "/api/v1/transparency/reports/2001-H1/publications/" + UUID.randomUUID();
		return List.of(none("POST /api/v1/pauses/{id}/confirmation", staff, pause + "/confirmation"),
				json("POST /api/v1/pauses/{id}/review", staff, pause + "/review",
						Map.of("note", "Reviewed the urgent pause")),
				json("POST /api/v1/pauses/{id}/rejection", staff, pause + "/rejection", Map.of("reason", "Not needed")),
				none("POST /api/v1/pauses/{id}/lifting/confirmation", staff, pause + "/lifting/confirmation"),
				json("POST /api/v1/pauses/{id}/lifting/rejection", staff, pause + "/lifting/rejection",
						Map.of("reason", "Too early")),
				none("POST /api/v1/transparency/reports/{period}/publications/{id}/confirmation", staff,
						publication + "/confirmation"),
				json("POST /api/v1/transparency/reports/{period}/publications/{id}/rejection", staff,
						publication + "/rejection", Map.of("reason", "Figures not final")));
	}

	/**
	 * Removal requests (issue 12): the submission both ways, and the review steps on a
	 * request that does not exist (their bodies are read before it is looked up).
	 */
	private static List<Template> removals(String staff, String officer) {
		String removal = "/api/v1/removal-requests/" + UUID.randomUUID();
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("basis", "DSA_ARTICLE_9");
		order.put("legalBasis", "Regulation (EU) 2022/2065, Art. 9");
		order.put("issuingAuthority", "Fuzz Authority");
		order.put("items", List.of(Map.of("kind", "URL", "value", "https://social.example/p/1"),
				Map.of("kind", "ACCOUNT", "value", "@fuzz")));
		order.put("reason", "HATE_SPEECH");
		order.put("explanation", "Incitement");
		order.put("territorialScope", List.of("AQ"));
		order.put("respondBy", "2099-01-01");
		Map<String, Object> proposal = Map.of(
				"items", List.of(Map.of("itemId", UUID.randomUUID().toString(), "decision", "NO_ACTION",
						"noActionReason", "PROTECTED_EXPRESSION")),
				"reason", "Protected", "assessment", World.satisfiedAssessment());
		return List.of(json("POST /api/v1/removal-requests", officer, "/api/v1/removal-requests", order),
				new Template("POST /api/v1/removal-requests", Kind.MULTIPART, officer, "/api/v1/removal-requests",
						order),
				json("POST /api/v1/removal-requests/{id}/decision", staff, removal + "/decision", proposal),
				json("POST /api/v1/removal-requests/{id}/approval", staff, removal + "/approval",
						Map.of("approve", false, "comment", "Not yet")),
				json("POST /api/v1/removal-requests/{id}/human-rights-review", staff, removal + "/human-rights-review",
						Map.of("verdict", "CONCERN", "note", "Assessed")),
				json("POST /api/v1/appeals", staff, "/api/v1/appeals",
						Map.of("token", "no-such-token", "statement", "It is true")),
				json("POST /api/v1/removal-requests/{id}/appeals/{appealId}/decision", staff,
						removal + "/appeals/" + UUID.randomUUID() + "/decision",
						Map.of("outcome", "RESTORE", "reason", "Protected expression")));
	}

	private static Template json(String key, String token, String path, Object body) {
		return new Template(key, Kind.JSON, token, path, body);
	}

	private static Template none(String key, String token, String path) {
		return new Template(key, Kind.NONE, token, path, Map.of());
	}

	private static Map<String, Object> submission() {
		Map<String, Object> body = new LinkedHashMap<>(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		body.put("targets", List.of(Map.of("kind", "EMAIL", "value", "who@mail.example.org"),
				Map.of("kind", "PHONE", "value", "+64 4 472 9999")));
		body.put("nonDisclosureUntil", "2099-01-01");
		body.put("agencyReference", "FBI-NY-2026-0042");
		return body;
	}

	private static Map<String, Object> pause() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jurisdiction", "AQ");
		body.put("match", "FROM_AUTHORITIES");
		body.put("stages", List.of("REVIEW", "PRODUCTION"));
		body.put("appliesTo", "NEW_ONLY");
		body.put("effectiveFrom", "2099-01-01T00:00:00Z");
		body.put("reason", "Fuzz");
		body.put("liftingCondition", "Never");
		body.put("exceptEmergencies", true);
		return body;
	}

	private static Map<String, Object> conclusion() {
		return Map.of("findings", Map.of("privacy", Map.of("risk", "HIGH", "note", "Surveillance")), "decision",
				"MAINTAIN_PAUSE", "rationale", "Risks remain", "conditions", "None");
	}

}
