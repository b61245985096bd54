package org.custodian.policy;

import java.util.Map;
import java.util.Set;

import org.custodian.shared.DataCategory;
import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;

/**
 * The legal-tier rules in force for one requesting jurisdiction.
 *
 * @param home the platform's home jurisdiction, whose instruments reach content directly
 * @param foreignContentRequiresMlat whether content for a foreign authority needs the
 * MLAT route
 * @param compels the data categories each instrument compels
 * @param notes an explanation per instrument, where the rule needs one
 */
public record TierRules(Jurisdiction home, boolean foreignContentRequiresMlat,
		Map<Instrument, Set<DataCategory>> compels, Map<Instrument, String> notes) {

	public Set<DataCategory> compelledBy(Instrument instrument) {
		return this.compels.getOrDefault(instrument, Set.of());
	}

}
