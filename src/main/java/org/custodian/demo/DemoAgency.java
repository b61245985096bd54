package org.custodian.demo;

import java.util.List;

/**
 * An agency of the demo world, with its officer and the sample platform's accounts its
 * requests are about.
 */
record DemoAgency(String key, String name, String jurisdiction, String domain, String phone, String officerEmail,
		String legalBasis, List<String> accounts) {

	static final List<DemoAgency> ALL = List.of(
			new DemoAgency("hkpf", "Hong Kong Police Force", "HK", "police.gov.hk", "+852 2860 2000",
					"inspector@police.gov.hk", "Court order, Magistrates' Court (Cap. 227)",
					List.of("harbour.reporter", "lantau.hiker")),
			new DemoAgency("fbi", "Federal Bureau of Investigation", "US", "fbi.gov", "+1 202 324 3000",
					"agent@fbi.gov", "18 U.S.C. § 2703", List.of("wire.fraudster", "jdoe_nyc")),
			new DemoAgency("met", "Metropolitan Police Service", "GB", "met.police.uk", "+44 20 7230 1212",
					"detective@met.police.uk", "Investigatory Powers Act 2016", List.of("london.trader")),
			new DemoAgency("bka", "Bundeskriminalamt", "DE", "bka.bund.de", "+49 611 550", "kommissar@bka.bund.de",
					"§ 100j StPO", List.of("berlin.dev")),
			new DemoAgency("pn", "Police nationale", "FR", "interieur.gouv.fr", "+33 1 49 27 49 27",
					"enqueteur@interieur.gouv.fr", "Code de procédure pénale, art. 60-1",
					List.of("berlin.dev", "london.trader")),
			new DemoAgency("npa", "National Police Agency", "JP", "npa.go.jp", "+81 3 3581 0141", "keibu@npa.go.jp",
					"Code of Criminal Procedure, art. 197(2)", List.of("wire.fraudster")));

	/** The platform's own jurisdiction (custodian.home-jurisdiction in the demo). */
	boolean home() {
		return "US".equals(this.jurisdiction);
	}

	static DemoAgency of(String key) {
		return ALL.stream().filter((agency) -> agency.key().equals(key)).findFirst().orElseThrow();
	}

}
