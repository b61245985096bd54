package org.custodian.removal;

import java.util.Map;

import org.custodian.notice.HolderNotices;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.web.WebAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appeal's browser surfaces, as pages: the public page the holder's notice links to
 * (what was decided, a form, one use of the link; an unknown, used or expired link opens
 * nothing), and the console's appeal decision, refused to whoever decided the item.
 */
class RemovalAppealPageIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HolderNotices notices;

	private Holders holders;

	private Holders.Holder holder;

	private DecidedRemovals.Decided decided;

	private World.Account reviewer;

	private World.Account approver;

	@BeforeEach
	void decided() {
		this.holders = new Holders(this.jdbc);
		this.holder = this.holders.holder(false);
		this.reviewer = this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER");
		this.approver = this.world.staffAccount(WebAccounts.PASSWORD, "APPROVER");
		this.decided = new DecidedRemovals(new Removals(this.api), this.holders, this.notices).decide(
				this.world.officer(this.world.agency("MC")), person(this.reviewer), person(this.approver), this.holder,
				this.holders.holder(false), this.holders.holder(false));
	}

	@Test
	void theNoticesLinkOpensAPageThatSaysWhatWasDecidedAndFilesTheAppealOnce() {
		String token = Holders.token(this.holders.awaitMail(this.holder, "restricted"));
		WebSession browser = new WebSession(this.port);
		assertThat(browser.get("/appeal?token=" + token + "&lang=zh-TW").body()).contains("已對位於 MC 的觀看者隱藏")
			.contains("提出申訴");
		WebSession.Page page = browser.get("/appeal?token=" + token + "&lang=en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(this.decided.restricted())
			.contains("Withheld from viewers in MC")
			.contains("District Court (MC)")
			.contains("Court order")
			.contains("Defamation Ordinance s. 21")
			.contains("name=\"_csrf\"")
			.contains("maxlength=\"5000\"")
			.contains("?token=" + token + "&amp;lang=zh-TW");

		assertThat(browser.postRaw("/appeal", Map.of("token", token, "statement", "No CSRF token")).status())
			.as("a form without its CSRF token")
			.isEqualTo(403);
		WebSession.Page empty = browser.post("/appeal", Map.of("token", token, "statement", " "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("error-statement").contains(this.decided.restricted());
		assertThat(browser.post("/appeal", Map.of("token", token, "statement", "x".repeat(5001))).body())
			.contains("longer than 5000");
		assertThat(appeals()).as("nothing filed by a refused form").isZero();

		WebSession.Page filed = browser.post("/appeal",
				Map.of("token", token, "statement", "What I wrote is true and in the public interest."));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(302);
		assertThat(filed.location()).endsWith("/appeal/filed");
		assertThat(browser.get("/appeal/filed").body()).contains("Your appeal is filed");
		assertThat(appeals()).isEqualTo(1);

		WebSession.Page reopened = browser.get("/appeal?token=" + token);
		assertThat(reopened.status()).isEqualTo(410);
		assertThat(reopened.body()).contains("already been used")
			.doesNotContain(this.decided.restricted())
			.doesNotContain("District Court");
		WebSession.Page again = browser.post("/appeal", Map.of("token", token, "statement", "Once more"));
		assertThat(again.status()).isEqualTo(410);
		assertThat(appeals()).as("a used link files nothing").isEqualTo(1);

		WebSession.Page unknown = browser.get("/appeal?token=not-a-token");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("not known").doesNotContain("RR-");
	}

	@Test
	void aLinkOlderThanTheAppealWindowOpensNothing() {
		String token = Holders.token(this.holders.awaitMail(this.holder, "restricted"));
		// six months and more have passed since the notice was sent
		this.jdbc.sql(
				"UPDATE holder_notice_link SET created_at = created_at - interval '184 days' WHERE subject_id = ?::uuid")
			.param(this.decided.items().get(0))
			.update();
		WebSession browser = new WebSession(this.port);
		WebSession.Page expired = browser.get("/appeal?token=" + token);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.body()).contains("has expired").doesNotContain(this.decided.restricted());
		Api.Response api = this.api.anonymous().post("/api/v1/appeals", Map.of("token", token, "statement", "Late"));
		assertThat(api.status()).isEqualTo(410);
		assertThat(appeals()).isZero();
	}

	@Test
	void onTheConsoleSomeoneWhoDidNotDecideTheItemRestoresItAndTheDeciderIsRefused() {
		String token = Holders.token(this.holders.awaitMail(this.holder, "restricted"));
		String appealId = this.api.anonymous()
			.post("/api/v1/appeals", Map.of("token", token, "statement", "Please look again"))
			.json()
			.path("id")
			.asString();
		String path = "/console/removals/" + this.decided.id();
		String form = path + "/appeals/" + appealId + "/decision";
		Map<String, String> restore = Map.of("outcome", "RESTORE", "reason", "Protected expression after all");

		WebSession decider = new WebSession(this.port);
		WebAccounts.staff(decider, this.reviewer);
		WebSession.Page offered = decider.get(path);
		assertThat(offered.body()).contains("appeal-" + appealId)
			.contains("Please look again")
			.contains("Waiting for a decision")
			.contains("another member of staff decides its appeal")
			.doesNotContain(form);
		WebSession.Page refused = decider.post(form, restore);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("another member of staff must decide this appeal");
		assertThat(status(appealId)).isEqualTo("FILED");
		assertThat(visibleInMc()).as("a refused decision changes nothing").isFalse();

		WebSession other = new WebSession(this.port);
		WebAccounts.staff(other, this.world.staffAccount(WebAccounts.PASSWORD, "HUMAN_RIGHTS_LEAD"));
		assertThat(other.get(path).body()).contains(form).contains("Restore the content everywhere");
		WebSession.Page noOutcome = other.post(form, Map.of("reason", "Unsure"));
		assertThat(noOutcome.status()).isEqualTo(400);
		assertThat(noOutcome.body()).contains("error-outcome");
		assertThat(status(appealId)).isEqualTo("FILED");

		WebSession.Page decided = other.post(form, restore);
		assertThat(decided.status()).as(decided.toString()).isEqualTo(302);
		WebSession.Page after = other.get(path);
		assertThat(after.body()).contains("Appeal decided")
			.contains("Protected expression after all")
			.doesNotContain(form);
		assertThat(status(appealId)).isEqualTo("RESTORED");
		assertThat(visibleInMc()).isTrue();
	}

	private boolean visibleInMc() {
		return new Removals(this.api).seen(this.decided.restricted(), "MC").path("visible").asBoolean();
	}

	private World.Person person(World.Account account) {
		Api.Response token = this.world.admin().post("/api/v1/staff/" + account.id() + "/tokens", Map.of());
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		return new World.Person(account.id(), token.json().path("token").asString(), null);
	}

	private int appeals() {
		return this.jdbc.sql("SELECT count(*) FROM removal_appeal WHERE request_id = ?::uuid")
			.param(this.decided.id())
			.query(Integer.class)
			.single();
	}

	private String status(String appealId) {
		return this.jdbc.sql("SELECT status FROM removal_appeal WHERE id = ?::uuid")
			.param(appealId)
			.query(String.class)
			.single();
	}

}
