package org.custodian.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed checkpoints of the head catch what the database's owner can still do with the
 * triggers switched off: cut the log short or rewrite it from some event on, and alter or
 * forge a checkpoint. Each case is named by {@code audit verify} and the API.
 */
class AuditCheckpointIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog log;

	@Autowired
	Checkpoints checkpoints;

	@Autowired
	AuditVerifyCommand command;

	@Autowired
	PlatformTransactionManager transactions;

	Tampering tampering;

	Person auditor;

	@BeforeEach
	void prepare() {
		this.tampering = new Tampering(this.jdbc, this.transactions);
		this.auditor = this.world.staff("AUDITOR");
	}

	@Test
	void publishesSignedCheckpointsNewestFirstThatVerifyWithThePublishedKey() throws Exception {
		Checkpoint older = checkpointAfterANewRequest();
		Checkpoint newer = checkpointAfterANewRequest();

		JsonNode published = this.api.anonymous().get("/.well-known/custodian/audit-checkpoints").json();

		JsonNode first = published.path("checkpoints").get(0);
		assertThat(first.path("events").asLong()).isEqualTo(newer.events());
		assertThat(published.path("checkpoints").get(1).path("events").asLong()).isEqualTo(older.events());
		assertThat(first.path("hash").asString()).isEqualTo(this.log.hashOf(newer.events()).orElseThrow());
		// As an outsider checks it, with the JDK alone: the five lines, the published
		// key.
		String text = String.join("\n", "custodian-audit-checkpoint", first.path("events").asString(),
				first.path("hash").asString(), first.path("signedAt").asString(), first.path("keyId").asString());
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(publishedKey(published, first.path("keyId").asString()));
		signature.update(text.getBytes(StandardCharsets.UTF_8));
		assertThat(signature.verify(Base64.getUrlDecoder().decode(first.path("signature").asString()))).isTrue();

		assertThat(Files.readAllLines(CHECKPOINT_MIRROR.resolve(CheckpointFiles.MIRROR_FILE)))
			.anySatisfy((line) -> assertThat(line).contains("\"events\":" + newer.events(), newer.signature()));
		JsonNode verification = this.api.as(this.auditor.token()).get("/api/v1/audit/verification").json();
		assertThat(verification.path("valid").asBoolean()).isTrue();
		assertThat(verification.path("latestCheckpoint").path("events").asLong())
			.isGreaterThanOrEqualTo(newer.events());
		assertThat(verification.path("checkpoints").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void pagesThePublishedCheckpointsAndNamesABadLimit() {
		Checkpoint older = checkpointAfterANewRequest();
		Checkpoint newer = checkpointAfterANewRequest();

		JsonNode page = this.api.anonymous()
			.get("/.well-known/custodian/audit-checkpoints?limit=1&before=" + newer.events())
			.json();
		Api.Response bad = this.api.anonymous().get("/.well-known/custodian/audit-checkpoints?limit=0");

		assertThat(page.path("checkpoints")).hasSize(1);
		assertThat(page.path("checkpoints").get(0).path("events").asLong()).isEqualTo(older.events());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("limit");
	}

	@Test
	void namesALogCutShortAfterACheckpointWithItsHeadRolledBack() {
		Checkpoint checkpoint = checkpointAfterANewRequest();
		long cut = checkpoint.events() - 3;

		String cli = this.tampering.rolledBack(() -> {
			this.tampering.truncateTo(cut);
			Verification verification = this.log.verify();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(cut + 1);
			return run().output();
		});

		assertThat(cli).contains("BROKEN at event " + (cut + 1), "truncated: checkpoint at event " + checkpoint.events()
				+ " signed " + checkpoint.signedAt() + ", the log now ends at event " + cut);
	}

	@Test
	void namesTheCutFromTheMirrorWhenTheDatabasesCheckpointsAreDeletedToo() {
		Checkpoint checkpoint = checkpointAfterANewRequest();
		long cut = checkpoint.events() - 2;

		Verification verification = this.tampering.rolledBack(() -> {
			this.tampering.truncateTo(cut);
			this.tampering.disableTriggers("audit_checkpoint");
			this.jdbc.sql("DELETE FROM audit_checkpoint WHERE events > ?").param(cut).update();
			return this.log.verify();
		});

		assertThat(verification.valid()).isFalse();
		assertThat(verification.problem()).startsWith("truncated: " + checkpoint.describe());
	}

	@Test
	void namesTheCutFromACheckpointSavedElsewhereWhenNoCopyIsLeft(@TempDir Path saved) throws IOException {
		Checkpoint checkpoint = checkpointAfterANewRequest();
		Path file = saved.resolve("checkpoints.json");
		Files.write(file, this.api.anonymous().get("/.well-known/custodian/audit-checkpoints?limit=1").bytes());
		long cut = checkpoint.events() - 2;
		Path mirror = CHECKPOINT_MIRROR.resolve(CheckpointFiles.MIRROR_FILE);
		Path away = saved.resolve("mirror-moved-away.jsonl");

		List<Run> runs = this.tampering.rolledBack(() -> {
			this.tampering.truncateTo(cut);
			this.tampering.disableTriggers("audit_checkpoint");
			this.jdbc.sql("DELETE FROM audit_checkpoint WHERE events > ?").param(cut).update();
			move(mirror, away);
			try {
				return List.of(run(), run("--checkpoint", file.toString()));
			}
			finally {
				move(away, mirror);
			}
		});

		assertThat(runs.get(0).exit()).as("no copy left: the cut log looks whole").isZero();
		assertThat(runs.get(1).exit()).isEqualTo(1);
		assertThat(runs.get(1).output()).contains("truncated: " + checkpoint.describe());
		assertThat(run("--checkpoint", saved.resolve("missing.json").toString()).output())
			.contains("Cannot use --checkpoint", "does not exist");
	}

	@Test
	void namesALogRewrittenFromAnEventOnAfterTheLastCheckpointThatStillMatches() {
		Checkpoint before = checkpointAfterANewRequest();
		Checkpoint after = checkpointAfterANewRequest();
		long rewritten = before.events() + 1;

		Verification verification = this.tampering.rolledBack(() -> {
			this.tampering.rewriteFrom(rewritten, "{\"caseNumber\": \"CR-0000-000000\"}");
			return this.log.verify();
		});

		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(after.events());
		assertThat(verification.problem()).startsWith("rewritten: " + after.describe())
			.contains("the log was rewritten from some event after " + before.events());
	}

	@Test
	void namesACheckpointWhoseRowOrSignatureWasAltered() {
		Checkpoint checkpoint = checkpointAfterANewRequest();
		String otherHash = this.log.hashOf(checkpoint.events() - 1).orElseThrow();

		Verification hashChanged = alterCheckpoint("hash = '" + otherHash + "', events = events - 1", checkpoint);
		Verification signatureChanged = alterCheckpoint("signature = '" + flipped(checkpoint.signature()) + "'",
				checkpoint);

		assertThat(hashChanged.valid()).isFalse();
		assertThat(hashChanged.problem()).contains("checkpoint at event " + (checkpoint.events() - 1),
				"does not verify with key " + checkpoint.keyId(), "altered after it was signed");
		assertThat(signatureChanged.valid()).isFalse();
		assertThat(signatureChanged.problem()).contains(checkpoint.describe() + " does not verify");
	}

	@Test
	void namesACheckpointSignedWithAKeyThatIsNotThePlatforms() {
		Checkpoint checkpoint = checkpointAfterANewRequest();

		Verification verification = this.tampering.rolledBack(() -> {
			this.jdbc
				.sql("INSERT INTO audit_checkpoint_key (id, public_key, private_key_sealed, created_at) "
						+ "SELECT 'forger', public_key, '\\x00'::bytea, now() FROM audit_checkpoint_key LIMIT 1")
				.update();
			this.tampering.disableTriggers("audit_checkpoint");
			this.jdbc.sql("UPDATE audit_checkpoint SET key_id = 'forger' WHERE events = ?")
				.param(checkpoint.events())
				.update();
			return this.log.verify(List.of());
		});

		assertThat(verification.problem())
			.contains(checkpoint.describe() + " names key forger, which is not this platform's checkpoint key");
	}

	@Test
	void signsNoCheckpointForALogThatDoesNotExtendTheLastOne() {
		Checkpoint checkpoint = checkpointAfterANewRequest();
		this.world.submit(this.world.officer(this.world.agency("US")),
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));

		boolean afterAlteration = this.tampering.rolledBack(() -> {
			this.tampering.disableTriggers("audit_event");
			this.jdbc.sql("UPDATE audit_event SET details = '{}' WHERE seq = ?")
				.param(checkpoint.events() + 1)
				.update();
			return this.checkpoints.take().isPresent();
		});
		boolean afterCut = this.tampering.rolledBack(() -> {
			this.tampering.truncateTo(checkpoint.events() - 1);
			return this.checkpoints.take().isPresent();
		});

		assertThat(afterAlteration).isFalse();
		assertThat(afterCut).isFalse();
		assertThat(this.checkpoints.take()).isPresent();
	}

	private Verification alterCheckpoint(String assignments, Checkpoint checkpoint) {
		return this.tampering.rolledBackInOneSnapshot(() -> {
			this.tampering.disableTriggers("audit_checkpoint");
			this.jdbc.sql("UPDATE audit_checkpoint SET " + assignments + " WHERE events = ?")
				.param(checkpoint.events())
				.update();
			// Not from the mirror, which still holds the true one.
			return this.log.verify(List.of());
		});
	}

	private Checkpoint checkpointAfterANewRequest() {
		this.world.submit(this.world.officer(this.world.agency("US")),
				World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		return this.checkpoints.take().orElseThrow();
	}

	private static String flipped(String signature) {
		char first = signature.charAt(0);
		return ((first == 'A') ? 'B' : 'A') + signature.substring(1);
	}

	private static PublicKey publishedKey(JsonNode published, String keyId) {
		List<JsonNode> keys = new ArrayList<>();
		published.path("keys").forEach(keys::add);
		JsonNode key = keys.stream().filter((k) -> k.path("keyId").asString().equals(keyId)).findFirst().orElseThrow();
		return org.custodian.shared.crypto.Ed25519
			.publicKey(Base64.getDecoder().decode(key.path("publicKey").asString()));
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Run run(String... arguments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = this.command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8));
	}

	record Run(int exit, String output) {
	}

}
