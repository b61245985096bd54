package org.custodian.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a checkpoint signs, when one is due, and the files that keep them outside the
 * database.
 */
class CheckpointTests {

	private static final Instant AT = Instant.parse("2026-11-24T10:15:30.123456Z");

	private static final Checkpoint CHECKPOINT = new Checkpoint(812, "ab".repeat(32), AT, "0123456789abcdef",
			"c2lnbmF0dXJl");

	private static final AuditProperties EVERY_100_OR_10_MINUTES = new AuditProperties(100, Duration.ofMinutes(10),
			null);

	@Test
	void signsFiveLinesAnyoneCanRebuildFromThePublishedFields() {
		assertThat(CHECKPOINT.signedText()).isEqualTo("custodian-audit-checkpoint\n812\n" + "ab".repeat(32)
				+ "\n2026-11-24T10:15:30.123456Z\n0123456789abcdef");
	}

	@Test
	void isDueForTheFirstEventsAndAfterTheConfiguredNumberOfEvents() {
		assertThat(Checkpoints.due(0, null, EVERY_100_OR_10_MINUTES, AT)).isFalse();
		assertThat(Checkpoints.due(1, null, EVERY_100_OR_10_MINUTES, AT)).isTrue();
		assertThat(Checkpoints.due(911, CHECKPOINT, EVERY_100_OR_10_MINUTES, AT.plusSeconds(1))).isFalse();
		assertThat(Checkpoints.due(912, CHECKPOINT, EVERY_100_OR_10_MINUTES, AT.plusSeconds(1))).isTrue();
	}

	@Test
	void isDueAfterTheIntervalOnlyIfTheLogGrew() {
		Instant later = AT.plus(Duration.ofMinutes(10));
		assertThat(Checkpoints.due(813, CHECKPOINT, EVERY_100_OR_10_MINUTES, later.minusSeconds(1))).isFalse();
		assertThat(Checkpoints.due(813, CHECKPOINT, EVERY_100_OR_10_MINUTES, later)).isTrue();
		assertThat(Checkpoints.due(812, CHECKPOINT, EVERY_100_OR_10_MINUTES, later.plusSeconds(3600))).isFalse();
	}

	@Test
	void looksEveryMinuteOrSoonerWhenTheIntervalIsShorter() {
		assertThat(EVERY_100_OR_10_MINUTES.checkpointPoll()).isEqualTo(Duration.ofMinutes(1));
		assertThat(new AuditProperties(0, Duration.ofSeconds(20), null).checkpointPoll())
			.isEqualTo(Duration.ofSeconds(20));
		assertThat(new AuditProperties(0, null, null).checkpointEveryEvents()).isEqualTo(1000);
	}

	@Test
	void readsBackTheMirrorsLines(@TempDir Path mirror) {
		Checkpoint next = new Checkpoint(900, "cd".repeat(32), AT.plusSeconds(60), "0123456789abcdef", "c2ln");
		CheckpointFiles.append(mirror, CHECKPOINT);
		CheckpointFiles.append(mirror, next);

		assertThat(CheckpointFiles.mirrored(mirror)).containsExactly(CHECKPOINT, next);
		assertThat(CheckpointFiles.mirrored(mirror.resolve("not-yet-written"))).isEmpty();
	}

	@Test
	void readsThePublishedListAndASingleCheckpoint(@TempDir Path dir) throws IOException {
		Path list = Files.writeString(dir.resolve("list.json"), """
				{"format": "…", "keys": [], "checkpoints": [
				  {"events": 812, "hash": "%s", "signedAt": "2026-11-24T10:15:30.123456Z",
				   "keyId": "0123456789abcdef", "signature": "c2lnbmF0dXJl"}]}""".formatted("ab".repeat(32)));
		Path single = Files.writeString(dir.resolve("one.json"), """
				{"events": 812, "hash": "%s", "signedAt": "2026-11-24T10:15:30.123456Z",
				 "keyId": "0123456789abcdef", "signature": "c2lnbmF0dXJl"}""".formatted("ab".repeat(32)));

		assertThat(CheckpointFiles.read(list)).isEqualTo(List.of(CHECKPOINT));
		assertThat(CheckpointFiles.read(single)).isEqualTo(List.of(CHECKPOINT));
	}

	@Test
	void namesAFileThatHoldsNoCheckpoint(@TempDir Path dir) throws IOException {
		Path notJson = Files.writeString(dir.resolve("notes.txt"), "checkpoint 812: abab…");
		Path other = Files.writeString(dir.resolve("other.json"), "{\"events\": 812}");

		assertThatThrownBy(() -> CheckpointFiles.read(notJson)).hasMessageContaining("is not JSON");
		assertThatThrownBy(() -> CheckpointFiles.read(other)).hasMessageContaining("not a checkpoint");
	}

}
