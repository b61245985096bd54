package org.custodian.removal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.web.WebAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser surfaces of removal requests, as pages: an officer submits through the
 * portal's form and reads the receipt; a reviewer decides each item on the console's case
 * page, a second person approves there, and the portal shows the effect given.
 */
class RemovalWebIntegrationTests extends IntegrationTest {

	@Test
	void anOfficerSubmitsInThePortalAndTheConsoleDecidesEachItem() {
		World.Agency agency = this.world.agency("MC");
		WebSession portal = new WebSession(this.port);
		WebAccounts.officer(portal, agency);
		String post = Removals.post();
		String app = "app-" + Removals.post();
		assertThat(portal.get("/portal/removals/new").status()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("basis", "POLICY_REFERRAL");
		form.put("issuingAuthority", "Cyber Security Bureau");
		form.put("items[0].kind", "POST_ID");
		form.put("items[0].value", post);
		form.put("items[1].kind", "APP");
		form.put("items[1].value", app);
		form.put("reason", "VIOLENCE");
		form.put("explanation", "The app is used to track police movements.");
		form.put("territorialScope", "MC");

		Map<String, String> incomplete = new LinkedHashMap<>(form);
		incomplete.remove("explanation");
		WebSession.Page refused = portal.postMultipart("/portal/removals", incomplete, "document", "order.pdf", PDF);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("error-explanation").contains(post);

		WebSession.Page submitted = portal.postMultipart("/portal/removals", form, "document", "order.pdf", PDF);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		String path = submitted.location().replaceFirst("^https?://[^/]+", "");
		String id = path.substring(path.lastIndexOf('/') + 1);
		WebSession.Page receipt = portal.get(path);
		assertThat(receipt.body()).contains("RR-")
			.contains("acknowledged-at")
			.contains(post)
			.contains("Not decided yet");

		WebSession reviewer = new WebSession(this.port);
		WebAccounts.staff(reviewer, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		Removals removals = new Removals(this.api);
		List<String> items = removals.itemIds(this.world.staff("AUDITOR"), id);
		WebSession.Page page = reviewer.get("/console/removals/" + id);
		assertThat(page.body()).contains("decision." + items.get(0))
			.doesNotContain("name=\"verdict\" value=\"approve\"");
		Map<String, String> decision = new LinkedHashMap<>();
		decision.put("decision." + items.get(0), "RESTRICT_IN_JURISDICTION");
		decision.put("decision." + items.get(1), "NO_ACTION");
		decision.put("noActionReason." + items.get(1), "INSUFFICIENT_INFORMATION");
		decision.put("reason", "The post names officers' home addresses; the app's claim is unsupported.");
		World.satisfiedAssessment().forEach((field, finding) -> {
			@SuppressWarnings("unchecked")
			Map<String, String> f = (Map<String, String>) finding;
			decision.put("assessment." + field + ".verdict", f.get("verdict"));
			decision.put("assessment." + field + ".note", f.get("note"));
		});
		WebSession.Page proposed = reviewer.post("/console/removals/" + id + "/decision", decision);
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(302);

		WebSession approver = new WebSession(this.port);
		WebAccounts.staff(approver, this.world.staffAccount(WebAccounts.PASSWORD, "APPROVER"));
		assertThat(approver.get("/console/removals").body()).contains("/console/removals/" + id);
		assertThat(approver.get("/console/removals/" + id).body()).contains("value=\"approve\"");
		WebSession.Page approved = approver.post("/console/removals/" + id + "/approval",
				Map.of("verdict", "approve", "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(302);

		WebSession.Page decided = portal.get(path);
		assertThat(decided.body()).contains("Restrict in the jurisdiction")
			.contains("Withheld in MC")
			.contains("Insufficient information");
		assertThat(removals.seen(post, "MC").path("visible").asBoolean()).isFalse();
		assertThat(removals.seen(app, "MC").path("visible").asBoolean()).isTrue();
	}

}
