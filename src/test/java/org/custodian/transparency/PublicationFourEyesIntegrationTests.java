package org.custodian.transparency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing a transparency report takes two people, over the API and on the command
 * line: a proposal publishes and signs nothing, its proposer cannot confirm it, a second
 * publisher's confirmation computes and signs it.
 */
class PublicationFourEyesIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = "a long enough password";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportPublishCommand publish;

	@Autowired
	ReportConfirmCommand confirm;

	private final String period = Period.of(Instant.now()).toString();

	private final String path = "/api/v1/transparency/reports/" + this.period + "/publications";

	@Test
	void aProposalPublishesNothingUntilASecondPublisherConfirmsIt() {
		Person proposer = this.world.staff("POLICY_ADMIN");
		Api.Response proposed = this.api.as(proposer.token()).post(this.path, Map.of());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
		assertThat(proposed.json().path("status").asString()).isEqualTo("PROPOSED");
		String id = proposed.json().path("id").asString();
		assertThat(this.api.anonymous().get("/api/v1/transparency/publications/" + id).status()).isEqualTo(404);
		assertThat(published(id)).isZero();

		Api.Response byProposer = this.api.as(proposer.token()).post(this.path + "/" + id + "/confirmation", Map.of());
		assertThat(byProposer.status()).as(byProposer.toString()).isEqualTo(403);
		assertThat(published(id)).isZero();
		assertThat(actions(id)).containsExactly("report.publication-proposed");

		Person admin = this.world.staff("ADMIN");
		long eventsBefore = this.jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		Api.Response confirmed = this.api.as(admin.token()).post(this.path + "/" + id + "/confirmation", Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
		assertThat(confirmed.json().path("id").asString()).isEqualTo(id);
		assertThat(confirmed.json().path("auditEventCount").asLong())
			.as("the figures are computed at confirmation, not at the proposal")
			.isGreaterThanOrEqualTo(eventsBefore);
		assertThat(confirmed.json().path("jws").asString()).isNotBlank();
		assertThat(this.api.anonymous().get("/api/v1/transparency/publications/" + id).json().path("jws"))
			.isEqualTo(confirmed.json().path("jws"));
		assertThat(this.api.as(admin.token()).post(this.path + "/" + id + "/confirmation", Map.of()).status())
			.as("published once")
			.isEqualTo(409);
		assertThat(actions(id)).containsExactly("report.publication-proposed", "report.published");
	}

	@Test
	void aProposalIsWithdrawnByItsProposerOrRejectedByAnother() {
		Person proposer = this.world.staff("POLICY_ADMIN");
		Person other = this.world.staff("POLICY_ADMIN");
		String withdrawn = this.api.as(proposer.token()).post(this.path, Map.of()).json().path("id").asString();
		Api.Response withdrawal = this.api.as(proposer.token())
			.post(this.path + "/" + withdrawn + "/rejection", Map.of("reason", "Figures still being checked"));
		assertThat(withdrawal.json().path("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(this.api.as(other.token()).post(this.path + "/" + withdrawn + "/confirmation", Map.of()).status())
			.isEqualTo(409);

		String rejected = this.api.as(proposer.token()).post(this.path, Map.of()).json().path("id").asString();
		Api.Response rejection = this.api.as(other.token()).post(this.path + "/" + rejected + "/rejection", Map.of());
		assertThat(rejection.json().path("status").asString()).isEqualTo("REJECTED");
		assertThat(published(withdrawn) + published(rejected)).isZero();
		assertThat(actions(rejected)).containsExactly("report.publication-proposed", "report.publication-rejected");

		assertThat(this.api.as(this.world.staff("AUDITOR").token()).post(this.path, Map.of()).status()).isEqualTo(403);
		String otherPeriod = "/api/v1/transparency/reports/2019-H1/publications/" + rejected + "/confirmation";
		assertThat(this.api.as(other.token()).post(otherPeriod, Map.of()).status()).isEqualTo(404);
	}

	@Test
	void theCommandLineTakesTwoNamedStaffMembersToo() {
		this.world.submit(this.world.officer(this.world.agency("NP")),
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		World.Account first = this.world.staffAccount(PASSWORD, "POLICY_ADMIN");
		World.Account second = this.world.staffAccount(PASSWORD, "POLICY_ADMIN");
		World.Account reviewer = this.world.staffAccount(PASSWORD, "REVIEWER");

		assertThat(run(this.publish, "--period", this.period).exit()).as("no --as").isEqualTo(2);
		assertThat(run(this.publish, "--period", this.period, "--as", "nobody@platform.example").exit()).isEqualTo(2);
		Run refused = run(this.publish, "--period", this.period, "--as", reviewer.email());
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.output()).contains("POLICY_ADMIN");

		Run proposed = run(this.publish, "--period", this.period, "--as", first.email());
		assertThat(proposed.exit()).as(proposed.output()).isZero();
		Matcher id = Pattern.compile("Proposed publication ([0-9a-f-]{36})").matcher(proposed.output());
		assertThat(id.find()).as(proposed.output()).isTrue();
		assertThat(published(id.group(1))).isZero();

		Run byProposer = run(this.confirm, "--id", id.group(1), "--as", first.email());
		assertThat(byProposer.exit()).isEqualTo(1);
		assertThat(byProposer.output()).contains("Four eyes");
		assertThat(published(id.group(1))).isZero();

		Run confirmed = run(this.confirm, "--id", id.group(1), "--as", second.email());
		assertThat(confirmed.exit()).as(confirmed.output()).isZero();
		assertThat(confirmed.output()).contains("Published report " + id.group(1) + " for " + this.period);
		assertThat(published(id.group(1))).isOne();
		assertThat(this.jdbc.sql("""
				SELECT actor_id FROM audit_event WHERE subject_type = 'transparency-report' AND subject_id = ?
				ORDER BY seq""").param(id.group(1)).query(String.class).list()).containsExactly(first.id(),
				second.id());
	}

	private long published(String id) {
		return this.jdbc.sql("SELECT count(*) FROM transparency_publication WHERE id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single();
	}

	private List<String> actions(String id) {
		return this.jdbc.sql(
				"SELECT action FROM audit_event WHERE subject_type = 'transparency-report' AND subject_id = ? ORDER BY seq")
			.param(id)
			.query(String.class)
			.list();
	}

	private static Run run(org.custodian.shared.cli.Command command, String... arguments) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = command.run(List.of(arguments), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exit, String output) {
	}

}
