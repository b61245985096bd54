package org.custodian.authorization;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.function.Supplier;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The records a row acts on, each reached through the real API the way the people in the
 * {@link Cast} would get there: a request in review, a decision pending approval by a
 * known proposer, a concluded assessment ({@link FourEyesFixtures}: a pause in force, a
 * proposed publication).
 */
final class Fixtures {

	/** No other test uses these jurisdictions, so their pauses and rules hold nothing. */
	static final String PAUSED = "TV";

	static final String RULED = "KI";

	/** The callback number of every agency the tests register. */
	static final String CALLBACK = "+852 2860 2000";

	private final World world;

	private final Api api;

	private final Cast cast;

	private final Probes probes;

	/** Approved for production, their packages being built. */
	private final Queue<String> approved = new ArrayDeque<>();

	/** Emergencies approved for disclosure, their packages being built. */
	private final Queue<String> emergenciesApproved = new ArrayDeque<>();

	/** Preservations submitted, their snapshots being taken. */
	private final Queue<String> preserving = new ArrayDeque<>();

	/** Pauses, liftings and publications, each a step from its next one. */
	final FourEyesFixtures decisions;

	Fixtures(World world, Api api, Cast cast, Probes probes) {
		this.world = world;
		this.api = api;
		this.cast = cast;
		this.probes = probes;
		this.decisions = new FourEyesFixtures(this, probes);
	}

	/** For rows that create something: the state is the table's row count. */
	static Target nothing(Fixtures fixtures) {
		return new Target(Map.of(), List.of(), () -> "");
	}

	Target count(String table) {
		return new Target(Map.of(), List.of(), this.probes.count(table));
	}

	// Requests

	Target inReview() {
		return request(submit(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER")));
	}

	Target withDocument() {
		Api.Response submitted = as(Caller.OWNER).postMultipart("/api/v1/requests",
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"), IntegrationTest.PDF, "order.pdf");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		return request(submitted.json().path("id").asString());
	}

	Target pendingApproval() {
		String id = submit(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		ok(as(Caller.PROPOSER).post("/api/v1/cases/" + id + "/decision", World.decision("NO_DATA", List.of())));
		return request(id);
	}

	Target needsInformation() {
		String id = submit(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		ok(as(Caller.REVIEWER).post("/api/v1/cases/" + id + "/questions", Map.of("question", "Which account?")));
		return request(id);
	}

	/**
	 * A question the owner answered with a PDF attached; {@code attachmentId} names it.
	 */
	Target answeredWithAttachment() {
		Target target = needsInformation();
		String id = target.var("id");
		ok(as(Caller.OWNER).postMultipart("/api/v1/requests/" + id + "/answers", Map.of("answer", "Annex attached."),
				IntegrationTest.PDF, "annex.pdf"));
		String attachment = this.probes.jdbc()
			.sql("SELECT id::text FROM case_answer_attachment WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
		return new Target(Map.of("id", id, "attachmentId", attachment), target.subjects(), target.state());
	}

	/**
	 * Starts the platform's jobs that rows wait for (productions, emergency disclosures,
	 * preservation snapshots), so that they run while other rows do; the fixtures below
	 * take them in turn, and start one more if none is left.
	 */
	void startJobs(int productions, int emergencies, int preservations) {
		for (int i = 0; i < productions; i++) {
			this.approved.add(approvedForProduction());
		}
		for (int i = 0; i < emergencies; i++) {
			this.emergenciesApproved.add(approvedEmergency());
		}
		for (int i = 0; i < preservations; i++) {
			this.preserving.add(submit(preservationRequest()));
		}
	}

	/** Produced, its package built and its jobs done. */
	Target produced() {
		String id = next(this.approved, this::approvedForProduction);
		awaitStatus(id, "PRODUCED");
		return settled(request(id));
	}

	/**
	 * A legal request, and an emergency of the same agency whose disclosure it may follow
	 * up.
	 */
	Target legalAndEmergencyDisclosure() {
		String emergency = next(this.emergenciesApproved, this::approvedEmergency);
		awaitStatus(emergency, "PRODUCED");
		return settled(with(inReview(), "emergency", emergency));
	}

	private String approvedForProduction() {
		String id = submit(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		decide(id);
		return id;
	}

	/** An emergency verified by a call back and approved for disclosure. */
	private String approvedEmergency() {
		String emergency = emergency().var("id");
		ok(as(Caller.INTAKE).post("/api/v1/cases/" + emergency + "/emergency-verification",
				Map.of("calledNumber", CALLBACK, "confirmed", true, "notes", "Duty officer confirmed")));
		decide(emergency);
		return emergency;
	}

	private static String next(Queue<String> started, Supplier<String> start) {
		String id = started.poll();
		return (id != null) ? id : start.get();
	}

	private void decide(String id) {
		ok(as(Caller.PROPOSER).post("/api/v1/cases/" + id + "/decision",
				World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER"))));
		ok(as(Caller.APPROVER).post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "ok")));
	}

	private void awaitStatus(String id, String status) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> status.equals(this.probes.rows("SELECT status FROM review_case WHERE request_id = ?::uuid", id)
				.get()
				.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1")));
	}

	Target emergency() {
		return request(submit(Map.of("type", "EMERGENCY", "targets", List.of(Map.of("kind", "USERNAME", "value", "x")),
				"categories", List.of("BASIC_SUBSCRIBER"), "emergency", Map.of("threat", "Threat to life posted",
						"supervisorName", "Sgt. Caller", "supervisorPhone", "+1 202 555 0177"))));
	}

	Target preservation() {
		return request(preserved());
	}

	/** A preservation whose snapshot the platform's job has taken. */
	private String preserved() {
		String id = next(this.preserving, () -> submit(preservationRequest()));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.probes.rows("SELECT status FROM preservation WHERE request_id = ?::uuid", id)
				.get()
				.contains("ACTIVE"));
		return settled(request(id)).var("id");
	}

	/** A legal request, and a preservation of the same agency it may refer to. */
	Target legalAndPreservation() {
		String preservation = preserved();
		return with(inReview(), "preservation", preservation);
	}

	/** A request held because its officer is on the sanctions list. */
	Target sanctionsHeld() {
		importSanctions(Caller.POLICY_ADMIN);
		Api.Response officer = this.world.admin()
			.post("/api/v1/agencies/" + this.cast.agency.id() + "/officers", Map.of("email",
					"chan-" + unique() + "@" + this.cast.agency.domain(), "name", "Tai-Man Fictional CHAN"));
		String token = this.world.admin()
			.post("/api/v1/officers/" + officer.json().path("id").asString() + "/tokens", Map.of())
			.json()
			.path("token")
			.asString();
		Api.Response held = this.api.as(token)
			.post("/api/v1/requests", World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		assertThat(held.json().path("status").asString()).as(held.toString()).isEqualTo("ON_HOLD");
		return request(held.json().path("id").asString());
	}

	/** The owner delegated the request to a colleague who never signs in. */
	Target delegated() {
		Target request = inReview();
		var web = this.cast.get(Caller.OWNER).web();
		String path = "/portal/requests/" + request.var("id");
		web.get(path);
		assertThat(web.post(path + "/delegations", Map.of("email", this.cast.spareEmail)).status()).isEqualTo(302);
		return with(request, "officerId", this.cast.spareOfficer.id());
	}

	// Jurisdiction-wide

	/** A jurisdiction's rules, reset to a known state before each call. */
	Target rules() {
		ok(as(Caller.POLICY_ADMIN).put("/api/v1/jurisdictions/" + RULED + "/mlat-only",
				Map.of("enabled", false, "reason", "Reset by the matrix test")));
		ok(as(Caller.POLICY_ADMIN).put("/api/v1/jurisdictions/" + RULED + "/risk",
				Map.of("level", "LOW", "reason", "Reset by the matrix test")));
		ok(as(Caller.POLICY_ADMIN).put("/api/v1/jurisdictions/" + RULED + "/legal-tiers/SUBPOENA",
				Map.of("categories", List.of("BASIC_SUBSCRIBER"))));
		return new Target(Map.of("code", RULED, "instrument", "SUBPOENA"), List.of(RULED), this.probes
			.rows("SELECT 'mlat', m.reason, m.since::text FROM mlat_only_rule m WHERE jurisdiction = ? "
					+ "UNION ALL SELECT 'risk', level, set_at::text FROM jurisdiction_risk WHERE jurisdiction = ? "
					+ "UNION ALL SELECT 'tier', instrument, categories::text FROM legal_tier_rule WHERE jurisdiction = ?",
					RULED, RULED, RULED));
	}

	/** Opened by the proposer; {@code stage} 0 opened, 1 consulted, 2 concluded. */
	Target assessment(int stage) {
		Api.Call author = as(Caller.PROPOSER);
		Api.Response opened = author.post("/api/v1/assessments",
				Map.of("jurisdiction", PAUSED, "subject", "Matrix " + unique(), "triggerDate", "2020-06-30"));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		String id = opened.json().path("id").asString();
		if (stage >= 1) {
			ok(author.post("/api/v1/assessments/" + id + "/consultations", consultation()));
		}
		if (stage >= 2) {
			ok(author.post("/api/v1/assessments/" + id + "/conclusion", conclusion()));
		}
		return new Target(Map.of("id", id), List.of(id),
				this.probes.rows("SELECT a.*, (SELECT count(*) FROM dd_consultation c WHERE c.assessment_id = a.id) "
						+ "FROM dd_assessment a WHERE id = ?::uuid", id));
	}

	static Map<String, Object> consultation() {
		return Map.of("expert", "Dr. Roe", "organisation", "Bar association", "date", "2020-07-01", "summary",
				"Offences are vague");
	}

	static Map<String, Object> conclusion() {
		return Map.of("findings", Policies.findings("HIGH"), "decision", "MAINTAIN_PAUSE", "rationale",
				"Too vague to assess case by case.");
	}

	void importSanctions(Caller as) {
		ok(as(as).header("Content-Type", "text/csv")
			.post("/api/v1/sanctions/lists?source=sample-sdn.csv", sampleSanctions()));
	}

	static String sampleSanctions() {
		try {
			return new org.springframework.core.io.ClassPathResource("sanctions/sample-sdn.csv")
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	Target sanctionsImports() {
		return new Target(Map.of("?", "?source=sample-sdn.csv"), List.of(), this.probes.count("sanctions_import"));
	}

	// Self-service

	/** A registration waiting for its link to be opened; the path carries its token. */
	Target registration() {
		String email = "officer-" + unique() + "@" + this.cast.agency.domain();
		var web = new org.custodian.support.WebSession(this.cast.port);
		web.get("/portal/register");
		assertThat(web.post("/portal/register",
				Map.of("email", email, "name", "Insp. Lee", "title", "Inspector", "password",
						org.custodian.web.WebAccounts.PASSWORD, "passwordConfirmation",
						org.custodian.web.WebAccounts.PASSWORD))
			.status()).isEqualTo(200);
		String link = org.custodian.support.TestMail.linkTo(email);
		return new Target(
				Map.of("?", link.substring(link.indexOf('?')), "token",
						link.substring(link.indexOf("token=") + "token=".length())),
				List.of(), this.probes.rows("SELECT confirmed_at FROM officer_registration WHERE email = ?", email));
	}

	/**
	 * A registration waiting for its password: the token goes in the form, not the path.
	 */
	Target registrationToken() {
		Target link = registration();
		return new Target(Map.of("token", link.var("token")), List.of(), link.state());
	}

	/** The owner's account, as a sign-in with a wrong password would find it. */
	Target ownerAccount() {
		String id = this.cast.get(Caller.OWNER).id();
		return new Target(Map.of(), List.of(id), this.probes.rows("SELECT * FROM officer WHERE id = ?::uuid", id));
	}

	Target staffAccount() {
		String id = this.cast.get(Caller.REVIEWER).id();
		return new Target(Map.of(), List.of(id), this.probes.rows("SELECT * FROM staff_user WHERE id = ?::uuid", id));
	}

	// Administration

	Target staffMember() {
		World.Person staff = this.world.staff("AUDITOR");
		return new Target(Map.of("id", staff.id()), List.of(staff.id()), this.probes
			.rows("SELECT id, revoked_at FROM api_token WHERE owner_id = ?::uuid ORDER BY id", staff.id()));
	}

	Target token() {
		World.Person staff = this.world.staff("AUDITOR");
		Api.Response issued = this.world.admin().post("/api/v1/staff/" + staff.id() + "/tokens", Map.of());
		String id = issued.json().path("id").asString();
		return new Target(Map.of("id", id), List.of(id, staff.id()),
				this.probes.rows("SELECT id, revoked_at FROM api_token WHERE id = ?::uuid", id));
	}

	Target pendingAgency() {
		World.Agency agency = this.world.agency("US", false);
		return new Target(Map.of("id", agency.id()), List.of(agency.id()),
				this.probes
					.rows("SELECT a.status, (SELECT count(*) FROM officer o WHERE o.agency_id = a.id) FROM agency a "
							+ "WHERE id = ?::uuid", agency.id()));
	}

	Target verifiedAgency() {
		World.Agency agency = this.world.agency("US");
		return new Target(Map.of("id", agency.id(), "domain", agency.domain()), List.of(agency.id()),
				this.probes
					.rows("SELECT a.status, (SELECT count(*) FROM officer o WHERE o.agency_id = a.id) FROM agency a "
							+ "WHERE id = ?::uuid", agency.id()));
	}

	Target officer() {
		World.Person officer = this.world.officer(this.cast.agency);
		return new Target(Map.of("id", officer.id()), List.of(officer.id()),
				this.probes.rows("SELECT id FROM api_token WHERE owner_id = ?::uuid ORDER BY id", officer.id()));
	}

	// Helpers

	Probes probes() {
		return this.probes;
	}

	Api.Call anonymous() {
		return this.api.anonymous();
	}

	Api.Call as(Caller caller) {
		return this.api.as(Objects.requireNonNull(this.cast.get(caller).token()));
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private String submit(Map<String, Object> request) {
		return this.world.submit(this.cast.get(Caller.OWNER).person(this.cast.agency), request);
	}

	private Target request(String id) {
		return new Target(Map.of("id", id), List.of(id), this.probes.request(id));
	}

	private static Target with(Target target, String name, String value) {
		Map<String, String> vars = new java.util.HashMap<>(target.vars());
		vars.put(name, value);
		List<String> subjects = new java.util.ArrayList<>(target.subjects());
		subjects.add(value);
		return new Target(Map.copyOf(vars), List.copyOf(subjects), target.state());
	}

	private static Map<String, Object> preservationRequest() {
		return Map.of("type", "PRESERVATION", "legalBasis", "18 U.S.C. 2703(f)", "targets",
				List.of(Map.of("kind", "USERNAME", "value", "suspect01")));
	}

	/**
	 * Waits until the background jobs are done with the target: its state and audit
	 * events the same in two readings 700 ms apart.
	 */
	private Target settled(Target target) {
		Duration apart = Duration.ofMillis(700);
		Supplier<String> reading = () -> target.state().get() + this.probes.auditEvents(target.subjects(), "");
		String[] last = { reading.get() };
		await().atMost(Duration.ofSeconds(30)).pollDelay(apart).pollInterval(apart).until(() -> {
			String now = reading.get();
			boolean stable = now.equals(last[0]);
			last[0] = now;
			return stable;
		});
		return target;
	}

	static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
	}

}
