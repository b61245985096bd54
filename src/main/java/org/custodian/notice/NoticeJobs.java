package org.custodian.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Sends due notices (new ones and those whose delay has ended) on one node at a time: at
 * once after an approval (a one-time job per request), and again every interval for those
 * that could not be sent (the mail server was down) or whose delay has ended.
 */
@Configuration(proxyBeanMethods = false)
class NoticeJobs {

	static final String SEND_NOW = "send-notices";

	@Bean
	OneTimeTask<Void> sendNoticesNowTask(@Lazy Notices notices, Clock clock) {
		return Tasks.oneTime(SEND_NOW).execute((instance, context) -> notices.sendDue(Instant.now(clock)));
	}

	@Bean
	OneTimeTask<Void> sendHolderNoticesNowTask(@Lazy HolderNotices notices, Clock clock) {
		return Tasks.oneTime(HolderNotices.SEND_NOW)
			.execute((instance, context) -> notices.sendDue(Instant.now(clock)));
	}

	@Bean
	RecurringTask<Void> sendDueHolderNoticesTask(@Lazy HolderNotices notices,
			@Value("${custodian.notice.interval:30s}") Duration interval, Clock clock) {
		return Tasks.recurring("send-due-holder-notices", Schedules.fixedDelay(interval))
			.execute((instance, context) -> notices.sendDue(Instant.now(clock)));
	}

	@Bean
	RecurringTask<Void> sendDueNoticesTask(@Lazy Notices notices,
			@Value("${custodian.notice.interval:30s}") Duration interval, Clock clock) {
		return Tasks.recurring("send-due-notices", Schedules.fixedDelay(interval))
			.execute((instance, context) -> notices.sendDue(Instant.now(clock)));
	}

}
