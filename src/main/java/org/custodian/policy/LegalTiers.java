package org.custodian.policy;

import java.util.List;

import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.RequestType;

/**
 * The legal-tier rule as a pure function: for each requested category, does the
 * instrument compel it? No Spring, no database: the rules come in as data.
 */
public final class LegalTiers {

	private LegalTiers() {
	}

	public static List<CategoryFinding> screen(TierQuestion question, TierRules rules) {
		return question.categories().stream().sorted().map((category) -> finding(question, rules, category)).toList();
	}

	static CategoryFinding finding(TierQuestion question, TierRules rules, DataCategory category) {
		if (question.type() == RequestType.PRESERVATION) {
			return new CategoryFinding(category, TierVerdict.PRESERVATION_ONLY,
					"Preservation: records are kept for 90 days; nothing is disclosed without legal process.");
		}
		if (question.type() == RequestType.EMERGENCY) {
			return new CategoryFinding(category, TierVerdict.VOLUNTARY,
					"Emergency: voluntary disclosure, only after an out-of-band callback confirms the request.");
		}
		Instrument instrument = question.instrument();
		if (category == DataCategory.CONTENT && rules.foreignContentRequiresMlat()
				&& !question.requester().equals(rules.home()) && instrument != Instrument.MLAT) {
			return new CategoryFinding(category, TierVerdict.REQUIRES_MLAT,
					"Content for an authority outside " + rules.home()
							+ " needs the mutual legal assistance (MLAT) route; a domestic " + instrument + " of "
							+ question.requester() + " does not reach it.");
		}
		if (!rules.compelledBy(instrument).contains(category)) {
			return new CategoryFinding(category, TierVerdict.INSUFFICIENT_INSTRUMENT,
					"A " + instrument + " compels only " + rules.compelledBy(instrument) + "; " + category
							+ " needs a stronger instrument.");
		}
		String note = rules.notes().getOrDefault(instrument, "A " + instrument + " compels " + category + ".");
		return new CategoryFinding(category, TierVerdict.SUPPORTED, note);
	}

}
