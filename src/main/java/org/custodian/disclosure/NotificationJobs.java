package org.custodian.disclosure;

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
 * The officers' e-mails, on one node at a time: sent at once after the change that causes
 * them commits (a one-time job), and every interval for those a failed attempt put back
 * and for packages about to expire.
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

	@Bean
	OneTimeTask<Void> sendOfficerNotificationsNowTask(@Lazy NotificationSender sender) {
		return Tasks.oneTime("send-officer-notifications").execute((instance, context) -> sender.sendDue());
	}

	@Bean
	RecurringTask<Void> officerNotificationsTask(@Lazy NotificationSender sender,
			@Lazy OfficerNotifications notifications, @Value("${custodian.notification.interval:1m}") Duration interval,
			@Value("${custodian.notification.expiry-warning:2d}") Duration warning, Clock clock) {
		return Tasks.recurring("officer-notifications", Schedules.fixedDelay(interval)).execute((instance, context) -> {
			notifications.warnOfExpiry(Instant.now(clock), warning);
			sender.sendDue();
		});
	}

}
