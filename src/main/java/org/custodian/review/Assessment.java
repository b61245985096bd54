package org.custodian.review;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.shared.FieldProblems;

/**
 * The reviewer's assessment of a request against each consideration that makes a decision
 * defensible: a verdict and a note for every one.
 */
public record Assessment(Map<Consideration, Finding> findings) {

	/**
	 * The considerations, in the order a reviewer works through them.
	 */
	public enum Consideration {

		LEGALITY("legality"), LEGITIMATE_AIM("legitimateAim"), NECESSITY("necessity"),
		PROPORTIONALITY("proportionality"), COMPETENT_AUTHORITY("competentAuthority"), COMPANY_POLICY("companyPolicy"),
		HUMAN_RIGHTS("humanRights");

		private final String field;

		Consideration(String field) {
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

	/**
	 * How a request fares against one consideration.
	 */
	public enum Verdict {

		SATISFIED, CONCERN, NOT_SATISFIED, NOT_APPLICABLE

	}

	/**
	 * The verdict and the reviewer's note on one consideration.
	 */
	public record Finding(Verdict verdict, String note) {
	}

	public Assessment {
		findings = new LinkedHashMap<>(findings);
	}

	/** The considerations with a NOT_SATISFIED verdict. */
	public List<Consideration> unsatisfied() {
		return this.findings.entrySet()
			.stream()
			.filter((e) -> e.getValue().verdict() == Verdict.NOT_SATISFIED)
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * The fields of the NOT_SATISFIED considerations ({@code assessment.<consideration>},
	 * as {@link #check} reports them), for the problem of a decision that acts on a
	 * request (a disclosure, a restriction or removal) and cannot rest on them.
	 */
	public List<String> unsatisfiedFields() {
		return unsatisfied().stream().map((consideration) -> "assessment." + consideration.field()).toList();
	}

	/** As stored and shown: {@code {legality: {verdict, note}, …}}. */
	public Map<String, Map<String, String>> asMap() {
		Map<String, Map<String, String>> map = new LinkedHashMap<>();
		this.findings.forEach((consideration, finding) -> map.put(consideration.field(),
				Map.of("verdict", finding.verdict().name(), "note", finding.note())));
		return map;
	}

	/**
	 * Checks an assessment as sent, reporting each missing or wrong consideration under
	 * {@code assessment.<consideration>}; the same for every kind of request reviewed.
	 * @return the assessment, or null while a consideration is incomplete
	 */
	public static Assessment check(Map<String, Decision.FindingForm> form, FieldProblems problems) {
		if (form == null) {
			problems.add("assessment", "is required: a verdict and a note for each consideration");
			return null;
		}
		Map<Consideration, Finding> findings = new EnumMap<>(Consideration.class);
		for (Consideration consideration : Consideration.values()) {
			String field = "assessment." + consideration.field();
			Decision.FindingForm finding = form.get(consideration.field());
			if (finding == null) {
				problems.add(field, "is required");
				continue;
			}
			Verdict verdict = problems.enumValue(Verdict.class, finding.verdict(), field + ".verdict", true);
			String note = problems.required(finding.note(), field + ".note", 4000);
			if (verdict != null && note != null) {
				findings.put(consideration, new Finding(verdict, note));
			}
		}
		form.keySet()
			.stream()
			.filter((key) -> java.util.Arrays.stream(Consideration.values()).noneMatch((c) -> c.field().equals(key)))
			.forEach((key) -> problems.add("assessment." + key, "is not a consideration"));
		// Built whenever every consideration is complete, even if other fields are wrong,
		// so that an unsatisfied consideration is reported together with them.
		return (findings.size() == Consideration.values().length) ? new Assessment(findings) : null;
	}

}
