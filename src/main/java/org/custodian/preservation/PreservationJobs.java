package org.custodian.preservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.custodian.shared.RequestId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Preservation's jobs: take one snapshot (instance id = request id), expire old ones.
 */
@Configuration(proxyBeanMethods = false)
class PreservationJobs {

	@Bean
	OneTimeTask<Void> preserveRecordsTask(@Lazy Preservations preservations) {
		return Tasks.oneTime("preserve-records")
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
			.execute((instance, context) -> preservations.snapshot(new RequestId(UUID.fromString(instance.getId()))));
	}

	@Bean
	RecurringTask<Void> expirePreservationsTask(@Lazy Preservations preservations, Clock clock) {
		return Tasks.recurring("expire-preservations", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> preservations.expire(Instant.now(clock)));
	}

}
