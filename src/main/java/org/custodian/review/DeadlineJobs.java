package org.custodian.review;

import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The deadline rules ({@code custodian.deadlines.*}) and the overdue digest, once a day
 * at {@code custodian.deadlines.digest-at} (UTC), on one node (db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
class DeadlineJobs {

	static final String DIGEST = "overdue-digest";

	@Bean
	Deadlines deadlines(Environment environment) {
		return Binder.get(environment)
			.bind("custodian.deadlines", Deadlines.class)
			.orElseGet(() -> new Deadlines(null, null, null, null, null, null, null, null));
	}

	@Bean
	RecurringTask<Void> overdueDigestTask(@Lazy OverdueDigest digest, Deadlines deadlines) {
		return Tasks.recurring(DIGEST, Schedules.daily(ZoneOffset.UTC, deadlines.digestAt()))
			.execute((instance, context) -> digest.send());
	}

}
