package org.custodian.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.FileHeader;
import org.custodian.support.IntegrationTest;
import org.custodian.support.TestMail;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The officer collects a production in the portal: the passphrase once, then the
 * encrypted package, which opens with it. Colleagues without access and other agencies
 * cannot.
 */
class PortalProductionIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	@Test
	void theOwnerTakesThePassphraseOnceAndDownloadsAPackageThatOpensWithIt() throws Exception {
		World.Agency agency = this.world.agency("US");
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, agency);
		WebSession colleague = new WebSession(this.port);
		WebAccounts.officer(colleague, agency);
		WebSession stranger = new WebSession(this.port);
		WebAccounts.officer(stranger, this.world.agency("US"));

		String path = submit(owner);
		String id = path.substring(path.lastIndexOf('/') + 1);
		decide(id);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> "PRODUCED".equals(this.jdbc.sql("SELECT status FROM review_case WHERE request_id = ?::uuid")
				.param(id)
				.query(String.class)
				.single()));

		assertThat(owner.get(path).body()).contains(path + "/production/panel");
		WebSession.Page page = owner.get(path + "/production/panel");
		assertThat(page.body()).contains("The data produced", "Download the package", "Show the passphrase",
				"Can be downloaded until", "Not downloaded yet.");
		assertThat(colleague.get(path).body()).doesNotContain("/production/panel");
		assertThat(colleague.download(path + "/production").status()).isEqualTo(403);
		assertThat(stranger.download(path + "/production").status()).isEqualTo(404);
		stranger.get("/portal/requests");
		assertThat(stranger.post(path + "/production/passphrase", Map.of()).status()).isEqualTo(404);

		owner.get(path + "/production/panel");
		WebSession.Page shown = owner.post(path + "/production/passphrase", Map.of());
		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		Matcher passphrase = Pattern.compile("id=\"passphrase\"[^>]*>([^<]+)<").matcher(shown.body());
		assertThat(passphrase.find()).as(shown.body()).isTrue();
		assertThat(shown.body()).contains("shown once");
		owner.get(path);
		WebSession.Page again = owner.post(path + "/production/passphrase", Map.of());
		assertThat(again.status()).as("no dead end: back to the request, which offers a new one").isEqualTo(302);
		assertThat(owner.get(path).body()).contains("was already shown and is not kept");
		assertThat(owner.get(path + "/production/panel").body()).contains("Re-issue the passphrase")
			.doesNotContain("Show the passphrase");

		WebSession.Download download = owner.download(path + "/production");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Type")).isEqualTo("application/zip");
		Path zip = this.temp.resolve("package.zip");
		Files.write(zip, download.bytes());
		List<String> names = new ArrayList<>();
		try (ZipFile file = new ZipFile(zip.toFile(), passphrase.group(1).toCharArray())) {
			for (FileHeader header : file.getFileHeaders()) {
				names.add(header.getFileName());
				try (var in = file.getInputStream(header)) {
					in.readAllBytes();
				}
			}
		}
		assertThat(names).contains("manifest.json");
		assertThat(owner.get(path + "/production/panel").body()).contains("id=\"downloads\"", "Insp. Chan");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'production.downloaded' AND subject_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theOfficerReadsWhyTheDataWaitsWhileTheNoticeCannotBeSent() {
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, this.world.agency("US"));
		String path = submit(owner);
		String id = path.substring(path.lastIndexOf('/') + 1);
		TestMail.stop();
		try {
			decide(id);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "AWAITING_NOTICE"
					.equals(this.jdbc.sql("SELECT status FROM production WHERE request_id = ?::uuid")
						.param(id)
						.query(String.class)
						.optional()
						.orElse(null)));
			assertThat(owner.get(path).body()).contains("/portal/requests/" + id + "/release");
			WebSession.Page release = owner.get(path + "/release");
			assertThat(release.status()).isEqualTo(200);
			assertThat(release.body()).contains("The data is not released yet",
					"Waiting for the user notice to be sent to the account holders");
			assertThat(owner.download(path + "/production").status()).isEqualTo(409);
		}
		finally {
			TestMail.restart();
		}
	}

	private String submit(WebSession web) {
		return WebAccounts.submit(web,
				Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Grand jury subpoena 7",
						"targets[0].kind", "USERNAME", "targets[0].value", "wire.fraudster", "categories",
						"BASIC_SUBSCRIBER"));
	}

	private void decide(String id) {
		assertThat(this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/decision", World.decision("DISCLOSE", List.of("BASIC_SUBSCRIBER")))
			.status()).isEqualTo(200);
		assertThat(this.api.as(this.world.staff("APPROVER").token())
			.post("/api/v1/cases/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"))
			.status()).isEqualTo(200);
	}

}
