package org.custodian.agency;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A requester whose name matches a sanctions-list entry.
 *
 * @param matched who matched: OFFICER or AGENCY
 * @param name the requester's name as registered
 * @param entry the list entry's name
 * @param program the sanctions program (e.g. HONG KONG-EO13936)
 * @param remarks the entry's remarks
 */
public record SanctionsMatch(String matched, String name, String entry, String program, String remarks) {

	public String toJson() {
		return JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("matched", this.matched, "name", this.name, "entry", this.entry, "program",
					String.valueOf(this.program), "remarks", String.valueOf(this.remarks)));
	}

}
