package org.custodian.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import net.lingala.zip4j.model.FileHeader;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A lost passphrase is re-issued in the portal by the owner or a delegate: the package is
 * built again under a new one, the old passphrase no longer opens it, and the new one is
 * shown once. A colleague without access and another agency cannot.
 */
class PassphraseReissueIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path temp;

	@Test
	void aDelegateReissuesThePassphraseAndTheOldOneNoLongerOpensThePackage() throws Exception {
		World.Agency agency = this.world.agency("US");
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, agency);
		WebSession delegate = new WebSession(this.port);
		String delegateEmail = WebAccounts.officer(delegate, agency);
		WebSession colleague = new WebSession(this.port);
		WebAccounts.officer(colleague, agency);
		WebSession stranger = new WebSession(this.port);
		WebAccounts.officer(stranger, this.world.agency("US"));
		String path = WebAccounts.submit(owner,
				Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Grand jury subpoena 8",
						"targets[0].kind", "USERNAME", "targets[0].value", "wire.fraudster", "categories",
						"BASIC_SUBSCRIBER"));
		String id = path.substring(path.lastIndexOf('/') + 1);
		owner.get(path);
		assertThat(owner.post(path + "/delegations", Map.of("email", delegateEmail)).status()).isEqualTo(302);
		decide(id);
		awaitProduction(id);

		String first = showPassphrase(delegate, path);
		byte[] firstPackage = delegate.download(path + "/production").bytes();
		String firstSha = packageSha(id);

		colleague.get("/portal/requests");
		assertThat(colleague.post(path + "/production/passphrase/reissue", Map.of()).status()).isEqualTo(403);
		stranger.get("/portal/requests");
		assertThat(stranger.post(path + "/production/passphrase/reissue", Map.of()).status()).isEqualTo(404);
		assertThat(packageSha(id)).as("a refused re-issue changes nothing").isEqualTo(firstSha);

		delegate.get(path + "/production/panel");
		WebSession.Page reissued = delegate.post(path + "/production/passphrase/reissue", Map.of());
		assertThat(reissued.status()).as(reissued.toString()).isEqualTo(302);
		assertThat(delegate.get(path).body()).contains("the old passphrase no longer opens it");
		awaitProduction(id);
		assertThat(packageSha(id)).isNotEqualTo(firstSha);

		String second = showPassphrase(owner, path);
		assertThat(second).isNotEqualTo(first);
		Path zip = this.temp.resolve("reissued.zip");
		Files.write(zip, owner.download(path + "/production").bytes());
		assertThat(open(zip, second)).contains("manifest.json");
		assertThatThrownBy(() -> open(zip, first)).isInstanceOf(ZipException.class);
		Path old = this.temp.resolve("first.zip");
		Files.write(old, firstPackage);
		assertThat(open(old, first)).as("the copy downloaded before still opens with its own")
			.contains("manifest.json");
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_event WHERE subject_id = ? AND action LIKE 'production.pass%'"
					+ " ORDER BY seq")
			.param(id)
			.query(String.class)
			.list()).containsExactly("production.passphrase-shown", "production.passphrase-reissue-requested",
					"production.passphrase-reissued", "production.passphrase-shown");
		assertThat(owner.get(path + "/production/panel").body()).contains("Re-issue the passphrase");
	}

	private String showPassphrase(WebSession web, String path) {
		web.get(path + "/production/panel");
		WebSession.Page shown = web.post(path + "/production/passphrase", Map.of());
		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		Matcher passphrase = Pattern.compile("id=\"passphrase\"[^>]*>([^<]+)<").matcher(shown.body());
		assertThat(passphrase.find()).as(shown.body()).isTrue();
		return passphrase.group(1);
	}

	private static List<String> open(Path zip, String passphrase) throws Exception {
		try (ZipFile file = new ZipFile(zip.toFile(), passphrase.toCharArray())) {
			List<String> names = new java.util.ArrayList<>();
			for (FileHeader header : file.getFileHeaders()) {
				names.add(header.getFileName());
				try (var in = file.getInputStream(header)) {
					in.readAllBytes();
				}
			}
			return names;
		}
	}

	private String packageSha(String id) {
		return this.jdbc.sql("SELECT package_sha256 FROM production WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

	private void awaitProduction(String id) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> "PRODUCED".equals(this.jdbc.sql("SELECT status FROM production WHERE request_id = ?::uuid")
				.param(id)
				.query(String.class)
				.optional()
				.orElse(null)));
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
