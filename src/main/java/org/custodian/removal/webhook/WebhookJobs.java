package org.custodian.removal.webhook;

import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Delivers the webhook's calls on one node at a time, retrying a failed one with
 * exponential back-off ({@code custodian.removal.webhook.retry-after}, 30 s by default,
 * doubling) up to {@value #MAX_RETRIES} times; every retry carries the same idempotency
 * key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodian.removal.webhook.url")
class WebhookJobs {

	static final int MAX_RETRIES = 12;

	@Bean
	OneTimeTask<String> deliverRemovalWebhookTask(@Lazy WebhookContentControls webhook,
			@Value("${custodian.removal.webhook.retry-after:30s}") Duration retryAfter) {
		return Tasks.oneTime("deliver-removal-webhook", String.class)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_RETRIES,
					new FailureHandler.ExponentialBackoffFailureHandler<>(retryAfter, 2.0)))
			.execute((instance, context) -> {
				try {
					webhook.deliver(UUID.fromString(instance.getId()));
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
	}

}
