package org.custodian.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.intake.SubmissionForm;
import org.custodian.intake.SubmissionForm.EmergencyForm;
import org.custodian.intake.SubmissionForm.TargetForm;
import org.custodian.review.Decision;

/**
 * The forms the replayed people fill in: an officer's request shaped for the decision it
 * will get, and the reviewer's proposal with its structured assessment.
 */
final class ReplayForms {

	private static final List<String> OFFENCES = List.of("Fraud", "Criminal intimidation", "Theft", "Unlawful assembly",
			"Money laundering", "Harassment", "Drug trafficking", "Blackmail");

	private ReplayForms() {
	}

	/**
	 * The request an officer of the agency sends for a planned request.
	 * @param n the request's number in the plan, to vary its details
	 */
	static SubmissionForm request(ReplayPlan.Planned planned, DemoAgency agency, int n) {
		List<TargetForm> target = List.of(new TargetForm("USERNAME", target(planned, agency, n)));
		LocalDate today = LocalDate.ofInstant(planned.submitAt(), ZoneOffset.UTC);
		String from = today.minusDays(180).toString();
		String to = today.minusDays(1).toString();
		String offence = OFFENCES.get(n % OFFENCES.size());
		if ("PRESERVATION".equals(planned.type())) {
			return new SubmissionForm("PRESERVATION", null, agency.legalBasis() + " (preservation)", target, List.of(),
					null, null, null, null, null);
		}
		if (planned.emergency()) {
			return new SubmissionForm("EMERGENCY", null, null, target, List.of("BASIC_SUBSCRIBER", "NON_CONTENT"), null,
					null, "Threat to life", null, new EmergencyForm("Credible threat to a person's life within hours",
							"Duty supervisor", agency.phone()));
		}
		String fate = planned.fate();
		String instrument;
		List<String> categories;
		if ("REQUIRE_MLAT".equals(fate)) {
			instrument = "SEARCH_WARRANT";
			categories = List.of("CONTENT");
		}
		else if ("DISCLOSE".equals(fate) && agency.home() && n % 3 == 0) {
			instrument = "SEARCH_WARRANT";
			categories = List.of("BASIC_SUBSCRIBER", "NON_CONTENT", "CONTENT");
		}
		else if ("DISCLOSE".equals(fate) && n % 4 == 1) {
			instrument = agency.home() ? "SUBPOENA" : "OTHER";
			categories = List.of("BASIC_SUBSCRIBER");
		}
		else if ("NO_DATA".equals(fate)) {
			instrument = "COURT_ORDER";
			categories = List.of("BASIC_SUBSCRIBER");
		}
		else {
			instrument = "COURT_ORDER";
			categories = List.of("BASIC_SUBSCRIBER", "NON_CONTENT");
		}
		return new SubmissionForm("LEGAL_PROCESS", instrument, agency.legalBasis(), target, categories, from, to,
				offence, null, null);
	}

	/** The reviewer's proposal for the planned fate of a request asking for these. */
	static Decision.Form decision(ReplayPlan.Planned planned, List<String> requested) {
		String fate = planned.fate();
		Map<String, Decision.FindingForm> assessment = new LinkedHashMap<>();
		String failed = null;
		String rejection = null;
		if (fate.startsWith("REJECT:")) {
			rejection = fate.substring("REJECT:".length());
			failed = switch (rejection) {
				case "OVERBROAD" -> "proportionality";
				case "HUMAN_RIGHTS_RISK" -> "humanRights";
				case "NOT_COMPETENT_AUTHORITY" -> "competentAuthority";
				default -> "legality";
			};
		}
		for (String consideration : List.of("legality", "legitimateAim", "necessity", "proportionality",
				"competentAuthority", "companyPolicy", "humanRights")) {
			boolean fails = consideration.equals(failed);
			assessment.put(consideration, new Decision.FindingForm(fails ? "NOT_SATISFIED" : "SATISFIED",
					fails ? "Not met on the documents provided" : "Checked against the request and its document"));
		}
		return switch (fate) {
			case "DISCLOSE" ->
				new Decision.Form("DISCLOSE", requested, "Valid process; scope proportionate", null, assessment);
			case "DISCLOSE_PARTIAL" -> new Decision.Form("DISCLOSE_PARTIAL", List.of("BASIC_SUBSCRIBER"),
					"Subscriber information only: the records asked for go beyond what the offence justifies", null,
					assessment);
			case "NO_DATA" ->
				new Decision.Form("NO_DATA", List.of(), "No account matches the identifier", null, assessment);
			case "REQUIRE_MLAT" -> new Decision.Form("REQUIRE_MLAT", List.of(),
					"Content is disclosed to foreign authorities only through the MLAT route", null, assessment);
			default -> new Decision.Form("REJECT", List.of(), "Refused: see the assessment", rejection, assessment);
		};
	}

	private static String target(ReplayPlan.Planned planned, DemoAgency agency, int n) {
		if ("NO_DATA".equals(planned.fate())) {
			return "no.such.user." + n;
		}
		List<String> accounts = agency.accounts();
		return accounts.get(n % accounts.size());
	}

}
