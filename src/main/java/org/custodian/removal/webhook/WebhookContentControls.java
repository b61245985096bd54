package org.custodian.removal.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.custodian.removal.ContentControls;
import org.custodian.removal.ContentItem;
import org.custodian.shared.Jurisdiction;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's own systems behind a webhook ({@code custodian.removal.webhook.url} and
 * {@code .secret}): each action on an item is stored in the approval's transaction with
 * an idempotency key (item, action and jurisdictions), then posted, signed, by a
 * db-scheduler task that the scheduler retries with back-off until the receiver answers
 * 2xx. Storing first means an approval that rolls back sends nothing, and a crash after
 * it loses nothing.
 */
@Component
@ConditionalOnProperty(name = "custodian.removal.webhook.url")
public class WebhookContentControls implements ContentControls {

	private final JdbcClient jdbc;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final OneTimeTask<String> deliverTask;

	private final URI url;

	private final String secret;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	WebhookContentControls(JdbcClient jdbc, ObjectProvider<SchedulerClient> scheduler,
			@Lazy OneTimeTask<String> deliverRemovalWebhookTask, @Value("${custodian.removal.webhook.url}") URI url,
			@Value("${custodian.removal.webhook.secret}") String secret, Clock clock) {
		if (secret == null || secret.length() < 32) {
			throw new IllegalStateException(
					"custodian.removal.webhook.secret must be at least 32 characters to sign the webhook's calls");
		}
		this.jdbc = jdbc;
		this.scheduler = scheduler;
		this.deliverTask = deliverRemovalWebhookTask;
		this.url = url;
		this.secret = secret;
		this.clock = clock;
	}

	@Override
	public void restrictIn(ContentItem item, Set<Jurisdiction> jurisdictions) {
		enqueue(item, "RESTRICT", jurisdictions.stream().map(Jurisdiction::code).sorted().toList());
	}

	@Override
	public void remove(ContentItem item) {
		enqueue(item, "REMOVE", List.of());
	}

	@Override
	public void restore(ContentItem item) {
		enqueue(item, "RESTORE", List.of());
	}

	private void enqueue(ContentItem item, String action, List<String> jurisdictions) {
		String key = item.id() + ":" + action + (jurisdictions.isEmpty() ? "" : ":" + String.join(",", jurisdictions));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("itemId", item.id().toString());
		payload.put("kind", item.kind().name());
		payload.put("value", item.value());
		payload.put("action", action);
		payload.put("jurisdictions", jurisdictions);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		int stored = this.jdbc.sql("""
				INSERT INTO removal_webhook_delivery (id, idempotency_key, item_id, action, payload, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
			.params(id, key, item.id(), action, this.json.writeValueAsString(payload), now.atOffset(ZoneOffset.UTC))
			.update();
		SchedulerClient client = this.scheduler.getIfAvailable();
		if (stored == 1 && client != null) {
			client.scheduleIfNotExists(this.deliverTask.instance(id.toString()), now);
		}
	}

	/**
	 * Posts one stored call unless it was delivered already; throws (so that the
	 * scheduler retries) unless the receiver answers 2xx.
	 */
	void deliver(UUID id) throws IOException {
		Map<String, Object> delivery = this.jdbc
			.sql("SELECT idempotency_key, payload FROM removal_webhook_delivery WHERE id = ? AND delivered_at IS NULL")
			.param(id)
			.query((rs, row) -> Map.<String, Object>of("key", rs.getString("idempotency_key"), "payload",
					rs.getString("payload")))
			.optional()
			.orElse(null);
		if (delivery == null) {
			return;
		}
		int status = WebhookCall.post(this.url, this.secret, (String) delivery.get("key"),
				(String) delivery.get("payload"));
		boolean delivered = status >= 200 && status < 300;
		this.jdbc.sql("""
				UPDATE removal_webhook_delivery SET attempts = attempts + 1, last_status = ?,
				  delivered_at = CASE WHEN ? THEN ? ELSE NULL END WHERE id = ?""")
			.params(status, delivered, Instant.now(this.clock).atOffset(ZoneOffset.UTC), id)
			.update();
		if (!delivered) {
			throw new IOException("The platform's webhook answered " + status);
		}
	}

}
