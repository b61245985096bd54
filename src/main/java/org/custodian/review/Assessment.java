package org.custodian.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/** As stored and shown: {@code {legality: {verdict, note}, …}}. */
	public Map<String, Map<String, String>> asMap() {
		Map<String, Map<String, String>> map = new LinkedHashMap<>();
		this.findings.forEach((consideration, finding) -> map.put(consideration.field(),
				Map.of("verdict", finding.verdict().name(), "note", finding.note())));
		return map;
	}

}
