package org.custodian.agency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.custodian.identity.CurrentUser;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests from a sanctioned official are held for a policy administrator instead of
 * reviewed.
 */
class SanctionsIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SanctionsImportCommand command;

	Person admin;

	Person reviewer;

	@BeforeEach
	void importSampleList() throws Exception {
		this.admin = this.world.staff("POLICY_ADMIN");
		this.reviewer = this.world.staff("REVIEWER");
		String csv = new ClassPathResource("sanctions/sample-sdn.csv").getContentAsString(StandardCharsets.UTF_8);
		Api.Response imported = this.api.as(this.admin.token())
			.header("Content-Type", "text/csv")
			.post("/api/v1/sanctions/lists?source=sample-sdn.csv", csv);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
		assertThat(imported.json().path("entries").asInt()).isEqualTo(3);
	}

	@Test
	void holdsARequestFromASanctionedOfficerForPolicyReviewAndLetsAnAdministratorRefuseIt() {
		World.Agency agency = this.world.agency("HK");
		Api.Response officer = this.world.admin()
			.post("/api/v1/agencies/" + agency.id() + "/officers",
					Map.of("email", "commissioner@" + agency.domain(), "name", "Tai-Man Fictional CHAN"));
		String token = this.world.admin()
			.post("/api/v1/officers/" + officer.json().path("id").asString() + "/tokens", Map.of())
			.json()
			.path("token")
			.asString();
		Person sanctioned = new Person(officer.json().path("id").asString(), token, agency);
		String id = this.world.submit(sanctioned, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		JsonNode seen = this.world.officerView(sanctioned, id);
		assertThat(seen.path("status").asString()).isEqualTo("ON_HOLD");
		assertThat(seen.path("holdReason").asString()).contains("compliance review");
		JsonNode caseFile = this.api.as(this.reviewer.token()).get("/api/v1/cases/" + id).json();
		assertThat(caseFile.path("sanctionsMatch").path("entry").asString()).isEqualTo("CHAN, Fictional Tai-man");
		assertThat(caseFile.path("sanctionsMatch").path("program").asString()).isEqualTo("HONG KONG-EO13936");

		Api.Response refused = this.api.as(this.admin.token())
			.post("/api/v1/cases/" + id + "/sanctions-review",
					Map.of("release", false, "note", "Confirmed match: SDN entry 90001"));
		assertThat(refused.json().path("status").asString()).isEqualTo("REJECTED");
		assertThat(this.world.officerView(sanctioned, id).path("decision").path("rejectionReason").asString())
			.isEqualTo("SANCTIONED_REQUESTER");
	}

	@Test
	void releasesAFalsePositiveToReview() {
		World.Agency agency = this.world.agency("HK");
		Api.Response officer = this.world.admin()
			.post("/api/v1/agencies/" + agency.id() + "/officers",
					Map.of("email", "namesake@" + agency.domain(), "name", "Wong Imaginary Siu-Ming"));
		String token = this.world.admin()
			.post("/api/v1/officers/" + officer.json().path("id").asString() + "/tokens", Map.of())
			.json()
			.path("token")
			.asString();
		Person namesake = new Person(officer.json().path("id").asString(), token, agency);
		String id = this.world.submit(namesake, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		assertThat(this.world.officerView(namesake, id).path("status").asString()).isEqualTo("ON_HOLD");

		Api.Response released = this.api.as(this.admin.token())
			.post("/api/v1/cases/" + id + "/sanctions-review",
					Map.of("release", true, "note", "Different date of birth: a namesake"));
		assertThat(released.json().path("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void doesNotHoldOfficersWhoMatchNoEntry() {
		Person officer = this.world.officer(this.world.agency("HK"));
		String id = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		assertThat(this.world.officerView(officer, id).path("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void importsAListFromTheCommandLine() throws Exception {
		Path file = Files.createTempFile("sdn", ".csv");
		Files.writeString(file, "name,program,remarks\n\"DOE, John\",TEST,sample\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = this.command.run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 1 sanctions entries");
		assertThat(Sanctions.normalise("John DOE")).isEqualTo(Sanctions.normalise("DOE, John"));
		// The command acts as the named operator, and the audit log says so.
		Map<String, Object> event = this.jdbc
			.sql("SELECT actor_kind, actor_id FROM audit_event WHERE action = 'sanctions.imported' "
					+ "AND details::text LIKE ? ORDER BY seq DESC LIMIT 1")
			.param("%" + file.getFileName() + "%")
			.query()
			.singleRow();
		assertThat(event).containsEntry("actor_kind", "OPERATOR")
			.containsEntry("actor_id", CurrentUser.commandLine().actor().id());
	}

}
