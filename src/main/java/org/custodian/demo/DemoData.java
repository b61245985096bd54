package org.custodian.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.custodian.agency.Agencies;
import org.custodian.identity.ApiTokens;
import org.custodian.identity.CurrentUser;
import org.custodian.identity.Role;
import org.custodian.identity.StaffAccounts;
import org.custodian.identity.TokenOwner;
import org.custodian.intake.IntakeService;
import org.custodian.intake.Receipt;
import org.custodian.intake.SubmissionForm;
import org.custodian.intake.SubmissionForm.EmergencyForm;
import org.custodian.intake.SubmissionForm.TargetForm;
import org.custodian.review.Decision;
import org.custodian.review.ReviewService;
import org.custodian.shared.AgencyId;
import org.custodian.shared.OfficerId;
import org.custodian.shared.StaffId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a small, realistic world once (agencies of Hong Kong, the US, the UK and Germany;
 * a response team; requests at several stages) and prints the demo accounts at every
 * start. Demo credentials are public by design: never use this profile with real data.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String PASSWORD = "demo-password-";

	private static final String TOKEN = "demo-token-0000000000000000000000-";

	/**
	 * Who sets the demo up: the operator starting the platform, named and audited as such
	 * (see {@link org.custodian.identity.Action#admitsOperator()}).
	 */
	private static final CurrentUser OPERATOR = CurrentUser.operator("demo-data");

	private final StaffAccounts staff;

	private final ApiTokens tokens;

	private final Agencies agencies;

	private final IntakeService intake;

	private final ReviewService review;

	private final TransactionTemplate transaction;

	private final ReplayClock clock;

	private final HistoryReplay history;

	private final boolean replay;

	DemoData(StaffAccounts staff, ApiTokens tokens, Agencies agencies, IntakeService intake, ReviewService review,
			TransactionTemplate transaction, ReplayClock clock, HistoryReplay history,
			@Value("${custodian.demo.replay:true}") boolean replay) {
		this.staff = staff;
		this.tokens = tokens;
		this.agencies = agencies;
		this.intake = intake;
		this.review = review;
		this.transaction = transaction;
		this.clock = clock;
		this.history = history;
		this.replay = replay;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.staff.findByEmail(email("reviewer")).isEmpty()) {
			long started = System.nanoTime();
			World world;
			try {
				if (this.replay) {
					// The world exists before the history it replays.
					this.clock.travelTo(ReplayPlan.START.minus(Duration.ofDays(14)));
				}
				world = this.transaction.execute((status) -> world());
				if (this.replay) {
					int requests = this.history.replay(world.team(), world.officers());
					log.info("Replayed {} requests of 2019-H2 to 2021-H1 through the services in {} s", requests,
							Duration.ofNanos(System.nanoTime() - started).toSeconds());
				}
			}
			finally {
				this.clock.resume();
			}
			this.transaction.executeWithoutResult((status) -> today(world));
		}
		StringBuilder accounts = new StringBuilder("\n\nDemo accounts (password / API token):\n");
		for (String name : List.of("admin", "intake", "reviewer", "approver", "hr-lead", "hr-lead-2", "policy-admin",
				"policy-admin-2", "auditor")) {
			accounts.append(String.format("  staff    %-36s %s / %s%n", email(name), PASSWORD + name, TOKEN + name));
		}
		for (DemoAgency agency : DemoAgency.ALL) {
			accounts
				.append(String.format("  officer  %-36s API token %s%n", agency.officerEmail(), TOKEN + agency.key()));
		}
		log.info(accounts.toString());
	}

	/** The response team, the agencies and their officers, the platform's accounts. */
	private World world() {
		Map<String, StaffId> team = new LinkedHashMap<>();
		team.put("admin", member("admin", "Ada Admin", Role.ADMIN));
		team.put("intake", member("intake", "Ines Intake", Role.INTAKE));
		team.put("reviewer", member("reviewer", "Rosa Reviewer", Role.REVIEWER));
		team.put("approver", member("approver", "Arjun Approver", Role.APPROVER));
		team.put("hr-lead", member("hr-lead", "Hana Rights", Role.HUMAN_RIGHTS_LEAD));
		team.put("hr-lead-2", member("hr-lead-2", "Omar Rights", Role.HUMAN_RIGHTS_LEAD));
		team.put("policy-admin", member("policy-admin", "Pia Policy", Role.POLICY_ADMIN));
		team.put("policy-admin-2", member("policy-admin-2", "Paolo Policy", Role.POLICY_ADMIN));
		team.put("auditor", member("auditor", "Aldo Auditor", Role.AUDITOR));

		Map<String, CurrentUser> officers = new LinkedHashMap<>();
		for (DemoAgency agency : DemoAgency.ALL) {
			officers.put(agency.key(), officer(agency));
		}

		return new World(team, officers);
	}

	/** Requests of today at several stages, for the console and the portal. */
	private void today(World world) {
		Map<String, StaffId> team = world.team();
		CurrentUser hkpf = world.officers().get("hkpf");
		CurrentUser fbi = world.officers().get("fbi");
		CurrentUser met = world.officers().get("met");
		CurrentUser bka = world.officers().get("bka");
		submit(hkpf, legal("COURT_ORDER", "Cap. 4 s. 9 court order", "kowloon.wong", "Unlawful assembly",
				"BASIC_SUBSCRIBER", "NON_CONTENT"));
		submit(hkpf, legal("SEARCH_WARRANT", "Magistrate's warrant 2020/117", "harbour_lee", "Subversion", "CONTENT"));
		Receipt warrant = submit(fbi,
				legal("SEARCH_WARRANT", "18 U.S.C. § 2703(a) warrant", "jdoe_nyc", "Wire fraud", "CONTENT"));
		Receipt order = submit(met, legal("COURT_ORDER", "Investigatory Powers Act 2016 production order",
				"london_calling", "Fraud by false representation", "BASIC_SUBSCRIBER", "NON_CONTENT"));
		submit(bka,
				new SubmissionForm("EMERGENCY", null, null, List.of(new TargetForm("USERNAME", "berlin.bear")),
						List.of("BASIC_SUBSCRIBER", "NON_CONTENT"), null, null, "Threat to life", null,
						new EmergencyForm("Live-streamed threat to attack a school within hours", "KHK Schmidt",
								"+49 611 55 0")));
		submit(fbi, new SubmissionForm("PRESERVATION", null, "18 U.S.C. § 2703(f)",
				List.of(new TargetForm("USERNAME", "dc.protest.org")), List.of(), null, null, null, null, null));

		CurrentUser reviewer = CurrentUser.staff(team.get("reviewer"), Set.of(Role.REVIEWER));
		CurrentUser approver = CurrentUser.staff(team.get("approver"), Set.of(Role.APPROVER));
		this.review.propose(warrant.id(), disclose("CONTENT"), reviewer);
		this.review.approve(warrant.id(), true, "Domestic warrant, scoped to one account and six months", approver);
		this.review.propose(order.id(), disclose("BASIC_SUBSCRIBER"), reviewer);
	}

	private StaffId member(String name, String displayName, Role role) {
		StaffId id = this.staff.create(email(name), displayName, List.of(role.name()), PASSWORD + name, OPERATOR);
		this.tokens.store(TokenOwner.staff(id), TOKEN + name, "demo", OPERATOR);
		return id;
	}

	/** The agency's demo officer, who submits in person (and so owns the requests). */
	private CurrentUser officer(DemoAgency demo) {
		AgencyId agency = this.agencies.register(new Agencies.NewAgency(demo.name(), demo.jurisdiction(), "POLICE",
				List.of(demo.domain()), demo.phone()), OPERATOR);
		this.agencies.changeStatus(agency, "VERIFIED", "Verified out of band (demo)", OPERATOR);
		OfficerId officer = this.agencies.addOfficer(agency, demo.officerEmail(), "Demo Officer (" + demo.key() + ")",
				"Detective Inspector", OPERATOR);
		this.tokens.store(TokenOwner.officer(officer, agency), TOKEN + demo.key(), "demo", OPERATOR);
		return CurrentUser.officer(officer, agency);
	}

	private Receipt submit(CurrentUser officer, SubmissionForm form) {
		return this.intake.submit(officer, form, null, null);
	}

	private static SubmissionForm legal(String instrument, String basis, String username, String offence,
			String... categories) {
		return new SubmissionForm("LEGAL_PROCESS", instrument, basis, List.of(new TargetForm("USERNAME", username)),
				List.of(categories), "2020-01-01", "2020-06-30", offence, null, null);
	}

	private static Decision.Form disclose(String... categories) {
		Map<String, Decision.FindingForm> assessment = new LinkedHashMap<>();
		for (String consideration : List.of("legality", "legitimateAim", "necessity", "proportionality",
				"competentAuthority", "companyPolicy", "humanRights")) {
			assessment.put(consideration, new Decision.FindingForm("SATISFIED", "Demo: checked " + consideration));
		}
		List<String> list = new ArrayList<>(List.of(categories));
		return new Decision.Form(
				list.size() == 1 && "BASIC_SUBSCRIBER".equals(list.get(0)) ? "DISCLOSE_PARTIAL" : "DISCLOSE", list,
				"Valid process; scope proportionate", null, assessment);
	}

	/** The team by demo name and each agency's officer by agency key. */
	private record World(Map<String, StaffId> team, Map<String, CurrentUser> officers) {
	}

	private static String email(String name) {
		return name + "@demo.custodian.example";
	}

}
