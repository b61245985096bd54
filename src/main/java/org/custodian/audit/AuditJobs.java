package org.custodian.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The audit log's job: look every minute (db-scheduler, on one node at a time) whether a
 * checkpoint is due, and sign it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditJobs {

	@Bean
	RecurringTask<Void> auditCheckpointTask(@Lazy Checkpoints checkpoints, AuditProperties properties) {
		return Tasks.recurring("audit-checkpoint", Schedules.fixedDelay(properties.checkpointPoll()))
			.execute((instance, context) -> checkpoints.takeIfDue());
	}

}
