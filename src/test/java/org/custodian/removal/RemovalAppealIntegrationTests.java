package org.custodian.removal;

import java.time.Instant;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.custodian.support.Api;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement of reasons to the affected account holder and the appeal that can restore
 * the item, over real SMTP (GreenMail) and the API.
 */
class RemovalAppealIntegrationTests extends HolderTest {

	private DecidedRemovals.Decided decide(Holders.Holder restrictedBy, Holders.Holder removedBy,
			Holders.Holder keptBy) {
		return new DecidedRemovals(this.removals, this.holders, this.notices).decide(this.officer, this.reviewer,
				this.approver, restrictedBy, removedBy, keptBy);
	}

	@Test
	void theHolderIsToldWhatWasRestrictedWhereOnWhoseRequestOnWhichGroundAndHowToAppeal() {
		Holders.Holder restrictedBy = this.holders.holder(false);
		Holders.Holder removedBy = this.holders.holder(false);
		Holders.Holder keptBy = this.holders.holder(false);
		DecidedRemovals.Decided decided = decide(restrictedBy, removedBy, keptBy);

		MimeMessage notice = this.holders.awaitMail(restrictedBy, "restricted");
		String body = Holders.body(notice);
		assertThat(body).contains(decided.restricted())
			.contains("withheld from viewers")
			.contains("Where: MC")
			.contains("District Court")
			.contains("Defamation Ordinance s. 21");
		assertThat(Holders.link(notice)).startsWith("http://localhost:" + this.port + "/appeal?token=");
		String token = Holders.token(notice);
		assertThat(this.jdbc.sql("SELECT count(*) FROM holder_notice_link WHERE token_hash = ?")
			.param(token)
			.query(Integer.class)
			.single()).as("the token itself is not stored").isZero();

		assertThat(Holders.body(this.holders.awaitMail(removedBy, "restricted"))).contains("removed for everyone")
			.contains("Where: everywhere");
		assertThat(this.holders.mailCount(keptBy)).as("no action, no notice").isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'notice.holder-sent' AND subject_id = ?""")
			.param(decided.items().get(0))
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCompromisedAccountsNoticeIsWithheldOnTheRecord() {
		Holders.Holder compromised = this.holders.holder(true);
		DecidedRemovals.Decided decided = decide(compromised, this.holders.holder(false), this.holders.holder(false));
		assertThat(this.holders.mailCount(compromised)).isZero();
		assertThat(this.jdbc
			.sql("""
					SELECT details::jsonb->>'reason' FROM audit_event WHERE action = 'notice.holder-withheld' AND subject_id = ?""")
			.param(decided.items().get(0))
			.query(String.class)
			.single()).startsWith("ACCOUNT_COMPROMISED");
	}

	@Test
	void theHolderAppealsWithTheLinkAndSomeoneWhoDidNotDecideRestoresTheItem() {
		Holders.Holder holder = this.holders.holder(false);
		DecidedRemovals.Decided decided = decide(holder, this.holders.holder(false), this.holders.holder(false));
		String token = Holders.token(this.holders.awaitMail(holder, "restricted"));
		assertThat(this.removals.seen(decided.restricted(), "MC").path("visible").asBoolean()).isFalse();
		assertThat(this.removals.seen(decided.restricted(), "US").path("visible").asBoolean()).isTrue();

		Api.Response unknown = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", "not-a-token", "statement", "It is true"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).contains("application/problem+json");
		assertThat(this.api.anonymous().post("/api/v1/appeals", Map.of("token", token)).errorFields())
			.containsExactly("statement");
		assertThat(appeals(decided.id())).isZero();

		Api.Response filed = this.api.anonymous()
			.post("/api/v1/appeals",
					Map.of("token", token, "statement", "What I wrote is true and in the public interest."));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		String appealId = filed.json().path("id").asString();
		Api.Response again = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", token, "statement", "Once more"));
		assertThat(again.status()).isEqualTo(410);
		assertThat(again.contentType()).contains("application/problem+json");
		assertThat(appeals(decided.id())).as("a used link writes nothing").isEqualTo(1);

		String decision = "/api/v1/removal-requests/" + decided.id() + "/appeals/" + appealId + "/decision";
		Map<String, Object> restore = Map.of("outcome", "RESTORE", "reason", "Protected expression after all");
		assertThat(this.api.as(this.reviewer.token()).post(decision, restore).status()).as("the proposer")
			.isEqualTo(403);
		assertThat(this.api.as(this.approver.token()).post(decision, restore).status()).as("the approver")
			.isEqualTo(403);
		assertThat(this.removals.seen(decided.restricted(), "MC").path("visible").asBoolean()).isFalse();

		World.Person another = this.world.staff("HUMAN_RIGHTS_LEAD");
		Api.Response badOutcome = this.api.as(another.token())
			.post(decision, Map.of("outcome", "MAYBE", "reason", "Unsure"));
		assertThat(badOutcome.status()).as(badOutcome.toString()).isEqualTo(400);
		assertThat(badOutcome.contentType()).contains("application/problem+json");
		assertThat(badOutcome.errorFields()).containsExactly("outcome");
		assertThat(this.api.as(another.token()).post(decision, Map.of("reason", "No outcome")).errorFields())
			.containsExactly("outcome");
		assertThat(this.removals.seen(decided.restricted(), "MC").path("visible").asBoolean())
			.as("a refused decision changes nothing")
			.isFalse();
		Api.Response restored = this.api.as(another.token()).post(decision, restore);
		assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
		assertThat(restored.json().path("appeals").get(0).path("status").asString()).isEqualTo("RESTORED");
		assertThat(this.removals.seen(decided.restricted(), "MC").path("visible").asBoolean()).isTrue();
		assertThat(this.api.as(another.token()).post(decision, restore).status()).as("decided once").isEqualTo(409);

		Api.Response officerView = this.api.as(this.officer.token()).get("/api/v1/removal-requests/" + decided.id());
		assertThat(officerView.json().path("items").get(0).path("restoredAt").asString()).isNotBlank();
		assertThat(officerView.json().path("items").get(1).path("restoredAt").isNull()).isTrue();
		assertThat(this.removals.seen(decided.removed(), "US").path("removed").asBoolean()).isTrue();

		assertThat(audited("removal.appeal-filed", appealId)).isEqualTo(1);
		assertThat(audited("removal.appeal-decided", appealId)).isEqualTo(1);
		assertThat(audited("removal.item-restored", decided.items().get(0))).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT details::jsonb->>'jurisdiction' FROM audit_event
				WHERE action = 'removal.item-restored' AND subject_id = ?""")
			.param(decided.items().get(0))
			.query(String.class)
			.single()).isEqualTo("MC");

		this.notices.sendDue(Instant.now());
		assertThat(Holders.body(this.holders.awaitMail(holder, "outcome"))).contains("visible again")
			.contains("Protected expression after all");
	}

	@Test
	void anAppealUpheldKeepsTheItemWithheld() {
		Holders.Holder holder = this.holders.holder(false);
		DecidedRemovals.Decided decided = decide(holder, this.holders.holder(false), this.holders.holder(false));
		String token = Holders.token(this.holders.awaitMail(holder, "restricted"));
		String appealId = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", token, "statement", "Please look again"))
			.json()
			.path("id")
			.asString();
		Api.Response upheld = this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/removal-requests/" + decided.id() + "/appeals/" + appealId + "/decision",
					Map.of("outcome", "UPHOLD", "reason", "The order is lawful"));
		assertThat(upheld.status()).as(upheld.toString()).isEqualTo(200);
		assertThat(this.removals.seen(decided.restricted(), "MC").path("visible").asBoolean()).isFalse();
		assertThat(audited("removal.item-restored", decided.items().get(0))).isZero();
	}

	private int appeals(String requestId) {
		return this.jdbc.sql("SELECT count(*) FROM removal_appeal WHERE request_id = ?::uuid")
			.param(requestId)
			.query(Integer.class)
			.single();
	}

	private int audited(String action, String subjectId) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND subject_id = ?")
			.params(action, subjectId)
			.query(Integer.class)
			.single();
	}

}
