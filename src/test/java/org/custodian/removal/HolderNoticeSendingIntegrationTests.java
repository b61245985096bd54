package org.custodian.removal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.internet.MimeMessage;
import org.custodian.support.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each holder notice is sent on its own: its link is committed before its mail leaves (it
 * opens the appeal the moment the mail arrives, whatever else is being sent), and one
 * notice's failure undoes no other's mail.
 */
class HolderNoticeSendingIntegrationTests extends HolderTest {

	private DecidedRemovals.Decided decide(Holders.Holder restrictedBy, Holders.Holder removedBy) {
		return new DecidedRemovals(this.removals, this.holders, this.notices).decide(this.officer, this.reviewer,
				this.approver, restrictedBy, removedBy, this.holders.holder(false));
	}

	@Test
	void theLinkOpensTheAppealTheMomentItsMailArrivesWhileOtherNoticesAreStillBeingSent() throws Exception {
		Holders.Holder first = this.holders.holder(false);
		Holders.Holder second = this.holders.holder(false);
		CountDownLatch release = new CountDownLatch(1);
		UserManager users = Holders.mail.getUserManager();
		MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
		// once the first holder's mail is in, the SMTP server holds the second's: its
		// sender is stuck in the middle (the server delivers one mail at a time, so the
		// second is held only if it comes after the first)
		AtomicBoolean firstIn = new AtomicBoolean();
		AtomicBoolean held = new AtomicBoolean();
		users.setMessageDeliveryHandler((message, address) -> {
			firstIn.compareAndSet(false, address.getHost().equals(first.domain()));
			if (address.getHost().equals(second.domain()) && firstIn.get()) {
				held.set(true);
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return deliver.handle(message, address);
		});
		ExecutorService nodes = Executors.newCachedThreadPool();
		CompletableFuture<DecidedRemovals.Decided> decided;
		try {
			decided = CompletableFuture.supplyAsync(() -> decide(first, second), nodes);
			// whoever sends the second notice waits on the server: other senders go on
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
				nodes.execute(() -> this.notices.sendDue(Instant.now()));
				return this.holders.mailCount(first) > 0 || decided.isDone();
			});
			if (decided.isDone()) {
				decided.join();
			}
			MimeMessage mail = this.holders.awaitMail(first, "restricted");
			String token = Holders.token(mail);
			Api.Response filed = this.api.anonymous()
				.post("/api/v1/appeals", Map.of("token", token, "statement", "Filed the moment the mail came."));
			assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
			if (held.get()) {
				assertThat(this.holders.mailCount(second)).as("the other notice is still being sent").isZero();
			}
		}
		finally {
			release.countDown();
			users.setMessageDeliveryHandler(deliver);
			nodes.shutdown();
		}
		this.holders.awaitMail(second, "restricted");
		String items = decided.get(20, TimeUnit.SECONDS).id();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM holder_notice n JOIN removal_item i ON i.id = n.subject_id
				WHERE i.request_id = ?::uuid AND n.status = 'SENT'""").param(items).query(Integer.class).single())
			.as("both notices sent, each once")
			.isEqualTo(2);
		assertThat(this.holders.mailCount(first)).isEqualTo(1);
		assertThat(this.holders.mailCount(second)).isEqualTo(1);
	}

	@Test
	void aNoticeThatCannotBeSentUndoesNoOtherNoticesMailOrLink() {
		Holders.Holder holder = this.holders.holder(false);
		DecidedRemovals.Decided decided = decide(holder, this.holders.holder(false));
		this.holders.awaitMail(holder, "restricted");
		UUID item = UUID.fromString(decided.items().get(0));
		Instant later = Instant.now().plus(Duration.ofHours(1));
		// the holder's notice falls due in an hour, as if the decision were made then,
		// and
		// a notice that cannot be prepared (values that are no text) falls due after it
		this.jdbc.sql("UPDATE holder_notice SET status = 'DUE', due_at = ?, sent_at = NULL WHERE subject_id = ?")
			.params(later.atOffset(ZoneOffset.UTC), item)
			.update();
		UUID poisoned = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO holder_notice (id, account_id, template, subject_type, subject_id, "values", link_path,
				  status, reason, email, language, due_at, created_at)
				VALUES (?, ?, 'removal-effect', 'removal_item', ?, '{"item": {"not": "text"}}', '/appeal',
				  'DUE', 'STATEMENT_OF_REASONS', ?, 'en', ?, now())""")
			.params(poisoned, holder.accountId(), UUID.randomUUID(), holder.email(),
					later.plusSeconds(1).atOffset(ZoneOffset.UTC))
			.update();

		assertThat(this.notices.sendDue(later.plusSeconds(60))).isPositive();

		await().atMost(Duration.ofSeconds(20)).until(() -> this.holders.mailCount(holder) == 2);
		MimeMessage[] mails = Holders.mail.getReceivedMessagesForDomain(holder.domain());
		String token = Holders.token(mails[mails.length - 1]);
		Api.Response filed = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", token, "statement", "The link sent before the failure works."));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		assertThat(status(item)).isEqualTo("SENT");
		Map<String, Object> failed = this.jdbc.sql("SELECT status, last_error FROM holder_notice WHERE id = ?")
			.param(poisoned)
			.query()
			.singleRow();
		assertThat(failed.get("status")).as("tried again later").isEqualTo("DUE");
		assertThat((String) failed.get("last_error")).isNotBlank();
		assertThat(this.jdbc.sql("SELECT count(*) FROM holder_notice_link WHERE notice_id = ?")
			.param(poisoned)
			.query(Integer.class)
			.single()).as("no link left for a mail never sent").isZero();
		this.jdbc.sql("DELETE FROM holder_notice WHERE id = ?").param(poisoned).update();
	}

	@Test
	void aClaimLeftByADeadNodeIsSentAgainAndEitherLinkFilesOneAppeal() {
		Holders.Holder holder = this.holders.holder(false);
		Holders.Holder other = this.holders.holder(false);
		DecidedRemovals.Decided decided = decide(holder, other);
		String firstToken = Holders.token(this.holders.awaitMail(holder, "restricted"));
		this.holders.awaitMail(other, "restricted");
		UUID item = UUID.fromString(decided.items().get(0));
		UUID sending = UUID.fromString(decided.items().get(1));
		// a node sent the holder's mail and died before marking it; another is sending
		// the other holder's notice right now
		this.jdbc.sql("""
				UPDATE holder_notice SET status = 'SENDING', claimed_at = now() - interval '1 hour', sent_at = NULL
				WHERE subject_id = ?""").param(item).update();
		this.jdbc.sql("UPDATE holder_notice SET status = 'SENDING', claimed_at = now() WHERE subject_id = ?")
			.param(sending)
			.update();

		this.notices.sendDue(Instant.now());

		await().atMost(Duration.ofSeconds(20)).until(() -> this.holders.mailCount(holder) == 2);
		assertThat(this.holders.mailCount(other)).as("a fresh claim is another node's to send").isEqualTo(1);
		assertThat(status(item)).isEqualTo("SENT");
		assertThat(status(sending)).isEqualTo("SENDING");
		MimeMessage[] mails = Holders.mail.getReceivedMessagesForDomain(holder.domain());
		String secondToken = Holders.token(mails[mails.length - 1]);
		assertThat(secondToken).isNotEqualTo(firstToken);
		Api.Response filed = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", secondToken, "statement", "With the second mail's link."));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		Api.Response again = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", firstToken, "statement", "With the first mail's link."));
		assertThat(again.status()).as("one appeal per notice, whichever link").isEqualTo(410);
		assertThat(this.jdbc.sql("SELECT count(*) FROM removal_appeal WHERE item_id = ?")
			.param(item)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private String status(UUID subject) {
		return this.jdbc.sql("SELECT status FROM holder_notice WHERE subject_id = ?")
			.param(subject)
			.query(String.class)
			.single();
	}

}
