package org.custodian.web;

import java.time.Instant;
import java.util.Map;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.transparency.Period;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed reports in the console: a policy administrator proposes, a second one confirms
 * and so publishes (the proposer cannot), an auditor verifies and sees each check, and a
 * stored report altered afterwards fails; other staff and officers cannot reach the page.
 */
class ConsoleTransparencyIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private final String period = Period.of(Instant.now()).toString();

	@Test
	void aPolicyAdministratorPublishesAndAnAuditorVerifies() {
		this.world.submit(this.world.officer(this.world.agency("UY")),
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		WebSession admin = staff("POLICY_ADMIN");
		WebSession.Page page = admin.get("/console/transparency");
		assertThat(page.body()).contains("Signed transparency reports", "Propose publishing " + this.period);
		WebSession.Page proposed = admin.post("/console/transparency/" + this.period + "/publications", Map.of());
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(302);
		String id = this.jdbc.sql("""
				SELECT id::text FROM transparency_publication_proposal WHERE period = ? AND status = 'PROPOSED'
				ORDER BY proposed_at DESC LIMIT 1""").param(this.period).query(String.class).single();
		String confirmation = "/console/transparency/" + this.period + "/publications/" + id + "/confirmation";
		assertThat(admin.get("/console/transparency").body())
			.contains("Publication of " + this.period + " proposed", "You proposed it; another publisher confirms it.")
			.doesNotContain(confirmation);
		assertThat(admin.post(confirmation, Map.of()).status()).as("the service refuses the proposer").isEqualTo(403);
		assertThat(published(id)).isZero();

		WebSession second = staff("POLICY_ADMIN");
		assertThat(second.get("/console/transparency").body()).contains(confirmation,
				"Confirm and publish " + this.period);
		assertThat(second.post(confirmation, Map.of()).status()).isEqualTo(302);
		assertThat(published(id)).isOne();
		assertThat(second.get("/console/transparency").body()).contains("Report " + id + " is published and signed.");

		WebSession auditor = staff("AUDITOR");
		assertThat(auditor.get("/console/transparency").body()).contains(id)
			.doesNotContain("Propose publishing " + this.period);
		assertThat(auditor.post("/console/transparency/" + this.period + "/publications", Map.of()).status())
			.isEqualTo(403);
		auditor.get("/console/transparency");
		WebSession.Page verified = auditor.post("/console/transparency/publications/" + id + "/verification", Map.of());
		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.body())
			.contains("Report verified: every check holds.", "Ed25519 signature by key", "follow from the first")
			.doesNotContain("<strong>failed</strong>");

		String document = this.jdbc.sql("SELECT document FROM transparency_publication WHERE id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
		setDocument(id, document.replace("\"jurisdiction\":\"UY\"", "\"jurisdiction\":\"UZ\""));
		try {
			auditor.get("/console/transparency");
			WebSession.Page failed = auditor.post("/console/transparency/publications/" + id + "/verification",
					Map.of());
			assertThat(failed.body()).contains("Report NOT verified", "<strong>failed</strong>",
					"it was changed after signing");
		}
		finally {
			setDocument(id, document);
		}
	}

	@Test
	void otherStaffAndOfficersCannotReachThePage() {
		assertThat(staff("REVIEWER").get("/console/transparency").status()).isEqualTo(403);
		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, this.world.agency("UY"));
		WebSession.Page refused = officer.get("/console/transparency");
		assertThat(refused.status()).isIn(302, 403);
		assertThat(refused.body()).doesNotContain("Signed transparency reports");
	}

	private long published(String id) {
		return this.jdbc.sql("SELECT count(*) FROM transparency_publication WHERE id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single();
	}

	private WebSession staff(String role) {
		WebSession web = new WebSession(this.port);
		WebAccounts.staff(web, this.world.staffAccount(WebAccounts.PASSWORD, role));
		return web;
	}

	private void setDocument(String id, String document) {
		this.jdbc.sql("ALTER TABLE transparency_publication DISABLE TRIGGER transparency_publication_immutable")
			.update();
		try {
			this.jdbc.sql("UPDATE transparency_publication SET document = ? WHERE id = ?::uuid")
				.params(document, id)
				.update();
		}
		finally {
			this.jdbc.sql("ALTER TABLE transparency_publication ENABLE TRIGGER transparency_publication_immutable")
				.update();
		}
	}

}
