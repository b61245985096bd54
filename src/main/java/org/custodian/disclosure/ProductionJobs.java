package org.custodian.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.custodian.shared.RequestId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's background jobs, run by db-scheduler on whichever node picks them: build
 * one production (instance id = request id, so scheduling twice is harmless), and purge
 * expired packages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisclosureProperties.class)
class ProductionJobs {

	static final String BUILD = "build-production";

	@Bean
	OneTimeTask<Void> buildProductionTask(ProductionWorker worker, DisclosureProperties properties) {
		return Tasks.oneTime(BUILD)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(properties.retryDelay()))
			.execute((instance, context) -> worker.build(new RequestId(UUID.fromString(instance.getId()))));
	}

	@Bean
	RecurringTask<Void> purgeProductionsTask(ProductionService productions, DisclosureProperties properties,
			Clock clock) {
		return Tasks.recurring("purge-productions", Schedules.fixedDelay(properties.purgeInterval()))
			.execute((instance, context) -> productions.purgeExpired(Instant.now(clock)));
	}

}
