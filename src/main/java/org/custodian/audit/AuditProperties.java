package org.custodian.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit log ({@code custodian.audit.*}).
 *
 * @param checkpointEveryEvents sign a checkpoint once the log has grown by this many
 * events since the last one
 * @param checkpointInterval or once this much time has passed since the last one (if the
 * log grew at all)
 * @param checkpointMirror a directory outside the database where every checkpoint is also
 * appended, as a JSON line, to {@code audit-checkpoints.jsonl}; verification reads it
 * too. Null: no mirror
 */
@ConfigurationProperties("custodian.audit")
record AuditProperties(long checkpointEveryEvents, Duration checkpointInterval, Path checkpointMirror) {

	AuditProperties {
		checkpointEveryEvents = (checkpointEveryEvents > 0) ? checkpointEveryEvents : 1000;
		checkpointInterval = (checkpointInterval != null) ? checkpointInterval : Duration.ofMinutes(10);
	}

	/** How often the job looks whether a checkpoint is due: every minute, or sooner. */
	Duration checkpointPoll() {
		Duration minute = Duration.ofMinutes(1);
		return (this.checkpointInterval.compareTo(minute) < 0) ? this.checkpointInterval : minute;
	}

}
