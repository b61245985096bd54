package org.custodian.removal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.custodian.intake.LegalDocument;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Removal requests end to end over the API: submission with the order, the authority's
 * view, per-item decisions under four eyes, the effect on the sample platform.
 */
class RemovalIntegrationTests extends IntegrationTest {

	private Removals removals;

	private World.Agency agency;

	private World.Person officer;

	private World.Person reviewer;

	private World.Person approver;

	@BeforeEach
	void people() {
		this.removals = new Removals(this.api);
		this.agency = this.world.agency("MC");
		this.officer = this.world.officer(this.agency);
		this.reviewer = this.world.staff("REVIEWER");
		this.approver = this.world.staff("APPROVER");
	}

	@Test
	void anOfficerSubmitsAnOrderWithItsPdfAndReadsTheReceipt() {
		Api.Response submitted = this.api.as(this.officer.token())
			.postMultipart("/api/v1/removal-requests",
					Removals.order(List.of("MC"), Removals.post(), Removals.post(), Removals.post()), PDF, "order.pdf");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		assertThat(submitted.json().path("caseNumber").asString()).matches(Pattern.compile("RR-\\d{4}-\\d{6}"));
		assertThat(submitted.json().path("status").asString()).isEqualTo("IN_REVIEW");
		String id = submitted.json().path("id").asString();

		JsonNode view = this.api.as(this.officer.token()).get("/api/v1/removal-requests/" + id).json();
		assertThat(view.path("acknowledgedAt").asString()).isNotBlank();
		assertThat(view.path("caseNumber").asString()).isEqualTo(submitted.json().path("caseNumber").asString());
		assertThat(view.path("items")).hasSize(3);
		assertThat(view.path("items").get(0).path("decision").isNull()).isTrue();
		assertThat(view.path("items").get(0).path("effectGivenAt").isNull()).isTrue();

		JsonNode staff = this.removals.staffView(this.reviewer, id);
		assertThat(staff.path("documentSha256").asString()).isEqualTo(LegalDocument.sha256(PDF));
		assertThat(staff.path("issuingAuthority").asString()).isEqualTo("District Court");
	}

	@Test
	void anotherAgencysOfficerGetsNotFound() {
		String id = this.removals.submit(this.officer, Removals.order(List.of("MC"), Removals.post()));
		World.Person stranger = this.world.officer(this.world.agency("MC"));
		Api.Response response = this.api.as(stranger.token()).get("/api/v1/removal-requests/" + id);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).contains("application/problem+json");
		List<String> listed = new ArrayList<>();
		this.api.as(stranger.token())
			.get("/api/v1/removal-requests")
			.json()
			.forEach((row) -> listed.add(row.path("id").asString()));
		assertThat(listed).doesNotContain(id);
	}

	@Test
	void badFieldsAreNamedInProblemJson() {
		Map<String, Object> body = new LinkedHashMap<>(Removals.order(List.of("MC", "XX"), Removals.post()));
		body.put("basis", "RUMOUR");
		body.put("reason", null);
		body.put("items", List.of(Map.of("kind", "URL", "value", "not a url"), Map.of("kind", "TWEET", "value", "1")));
		body.put("respondBy", "2001-01-01");
		Api.Response response = this.api.as(this.officer.token()).post("/api/v1/removal-requests", body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).contains("application/problem+json");
		assertThat(response.errorFields()).contains("basis", "reason", "items[0].value", "items[1].kind",
				"territorialScope[1]", "respondBy");

		Map<String, Object> noBasis = new LinkedHashMap<>(Removals.order(List.of("MC"), Removals.post()));
		noBasis.remove("legalBasis");
		assertThat(this.api.as(this.officer.token()).post("/api/v1/removal-requests", noBasis).errorFields())
			.containsExactly("legalBasis");
		noBasis.put("basis", "POLICY_REFERRAL");
		assertThat(this.api.as(this.officer.token()).post("/api/v1/removal-requests", noBasis).status()).isEqualTo(201);

		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			tooMany.add(Map.of("kind", "POST_ID", "value", "p" + i));
		}
		Map<String, Object> big = new LinkedHashMap<>(Removals.order(List.of("MC")));
		big.put("items", tooMany);
		assertThat(this.api.as(this.officer.token()).post("/api/v1/removal-requests", big).errorFields())
			.containsExactly("items");
		big.put("items", tooMany.subList(0, 1000));
		assertThat(this.api.as(this.officer.token()).post("/api/v1/removal-requests", big).status()).isEqualTo(201);
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheSameRequest() {
		Map<String, Object> order = Removals.order(List.of("MC"), Removals.post());
		Api.Call call = this.api.as(this.officer.token()).header("Idempotency-Key", "retry-" + Removals.post());
		Api.Response first = call.post("/api/v1/removal-requests", order);
		Api.Response again = call.post("/api/v1/removal-requests", order);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(again.replayed()).isEqualTo("true");
		Api.Response other = call.post("/api/v1/removal-requests", Removals.order(List.of("MC"), Removals.post()));
		assertThat(other.status()).isEqualTo(409);
	}

	@Test
	void eachItemGetsItsOwnDecisionAndTheApprovedEffectShowsOnThePlatform() {
		String restricted = Removals.post();
		String removed = Removals.post();
		String kept = Removals.post();
		String id = this.removals.submit(this.officer, Removals.order(List.of("MC"), restricted, removed, kept));
		List<String> items = this.removals.itemIds(this.reviewer, id);
		Map<String, String> decisions = new LinkedHashMap<>();
		decisions.put(items.get(0), "RESTRICT_IN_JURISDICTION");
		decisions.put(items.get(1), "REMOVE_GLOBALLY");
		decisions.put(items.get(2), "NO_ACTION:PROTECTED_EXPRESSION");
		Api.Response proposed = this.removals.propose(this.reviewer, id, decisions);
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		assertThat(proposed.json().path("status").asString()).isEqualTo("PENDING_APPROVAL");

		// Nothing changes on the platform, and the authority sees no decision, before
		// the second person approves.
		assertThat(this.removals.seen(restricted, "MC").path("visible").asBoolean()).isTrue();
		JsonNode before = this.api.as(this.officer.token()).get("/api/v1/removal-requests/" + id).json();
		assertThat(before.path("items").get(0).path("decision").isNull()).isTrue();

		Api.Response approved = this.removals.approve(this.approver, id);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().path("status").asString()).isEqualTo("DECIDED");

		JsonNode view = this.api.as(this.officer.token()).get("/api/v1/removal-requests/" + id).json();
		JsonNode first = view.path("items").get(0);
		assertThat(first.path("decision").asString()).isEqualTo("RESTRICT_IN_JURISDICTION");
		assertThat(first.path("effect").asString()).isEqualTo("RESTRICTED");
		assertThat(World.texts(first.path("effectIn"))).containsExactly("MC");
		assertThat(first.path("effectGivenAt").asString()).isNotBlank();
		assertThat(view.path("items").get(1).path("effect").asString()).isEqualTo("REMOVED");
		assertThat(view.path("items").get(2).path("decision").asString()).isEqualTo("NO_ACTION");
		assertThat(view.path("items").get(2).path("noActionReason").asString()).isEqualTo("PROTECTED_EXPRESSION");
		assertThat(view.path("items").get(2).path("effect").asString()).isEqualTo("NONE");

		assertThat(this.removals.seen(restricted, "MC").path("visible").asBoolean()).isFalse();
		assertThat(this.removals.seen(restricted, "FR").path("visible").asBoolean()).isTrue();
		assertThat(this.removals.seen(removed, "FR").path("visible").asBoolean()).isFalse();
		assertThat(this.removals.seen(kept, "MC").path("visible").asBoolean()).isTrue();

		String statements = "/api/v1/removal-requests/" + id + "/items/";
		JsonNode statement = this.api.as(this.reviewer.token())
			.get(statements + items.get(0) + "/statement-of-reasons")
			.json();
		assertThat(statement.path("decision_ground").asString()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
		assertThat(statement.path("illegal_content_legal_ground").asString()).isEqualTo("Defamation Ordinance s. 21");
		assertThat(statement.path("puid").asString()).isEqualTo(items.get(0));
		assertThat(this.api.as(this.reviewer.token()).get(statements + items.get(2) + "/statement-of-reasons").status())
			.isEqualTo(409);
		assertThat(this.api.as(this.officer.token()).get(statements + items.get(0) + "/statement-of-reasons").status())
			.isEqualTo(403);
	}

	@Test
	void theProposerCannotApproveTheirOwnDecisions() {
		World.Person both = this.world.staff("REVIEWER", "APPROVER");
		String post = Removals.post();
		String id = this.removals.submit(this.officer, Removals.order(List.of("MC"), post));
		String item = this.removals.itemIds(both, id).get(0);
		assertThat(this.removals.propose(both, id, Map.of(item, "REMOVE_GLOBALLY")).status()).isEqualTo(200);
		Api.Response refused = this.removals.approve(both, id);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(this.removals.staffView(both, id).path("status").asString()).isEqualTo("PENDING_APPROVAL");
		assertThat(this.removals.seen(post, "MC").path("visible").asBoolean()).isTrue();
	}

	@Test
	void aReturnedProposalOpensItsItemsAgain() {
		String id = this.removals.submit(this.officer, Removals.order(List.of("MC"), Removals.post()));
		String item = this.removals.itemIds(this.reviewer, id).get(0);
		this.removals.propose(this.reviewer, id, Map.of(item, "REMOVE_GLOBALLY"));
		Api.Response noComment = this.api.as(this.approver.token())
			.post("/api/v1/removal-requests/" + id + "/approval", Map.of("approve", false));
		assertThat(noComment.errorFields()).containsExactly("comment");
		Api.Response returned = this.api.as(this.approver.token())
			.post("/api/v1/removal-requests/" + id + "/approval",
					Map.of("approve", false, "comment", "Local law does not make this illegal"));
		assertThat(returned.status()).isEqualTo(200);
		assertThat(returned.json().path("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(returned.json().path("items").get(0).path("status").asString()).isEqualTo("OPEN");
		assertThat(returned.json().path("items").get(0).path("decision").isNull()).isTrue();
	}

	@Test
	void aDecisionNeedsItsReasonAndEveryConsideration() {
		String id = this.removals.submit(this.officer, Removals.order(List.of("MC"), Removals.post()));
		String item = this.removals.itemIds(this.reviewer, id).get(0);
		Api.Response noReason = this.removals.propose(this.reviewer, id, Map.of(item, "NO_ACTION"));
		assertThat(noReason.errorFields()).containsExactly("items[0].noActionReason");
		Api.Response noAssessment = this.api.as(this.reviewer.token())
			.post("/api/v1/removal-requests/" + id + "/decision", Map.of("items",
					List.of(Map.of("itemId", item, "decision", "REMOVE_GLOBALLY")), "reason", "Breaks policy"));
		assertThat(noAssessment.errorFields()).containsExactly("assessment");
		Map<String, Object> unsatisfied = new LinkedHashMap<>(World.satisfiedAssessment());
		unsatisfied.put("necessity", Map.of("verdict", "NOT_SATISFIED", "note", "Not needed"));
		Api.Response refused = this.api.as(this.reviewer.token())
			.post("/api/v1/removal-requests/" + id + "/decision",
					Map.of("items", List.of(Map.of("itemId", item, "decision", "REMOVE_GLOBALLY")), "reason",
							"Breaks policy", "assessment", unsatisfied));
		assertThat(refused.errorFields()).containsExactly("assessment.necessity");
		assertThat(this.removals.staffView(this.reviewer, id).path("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void aHighRiskJurisdictionNeedsAHumanRightsLeadFirst() {
		World.Person policy = this.world.staff("POLICY_ADMIN");
		assertThat(this.api.as(policy.token())
			.put("/api/v1/jurisdictions/VA/risk", Map.of("level", "HIGH", "reason", "Removal test"))
			.status()).isEqualTo(200);
		String id = this.removals.submit(this.officer, Removals.order(List.of("VA"), Removals.post()));
		String item = this.removals.itemIds(this.reviewer, id).get(0);
		Api.Response refused = this.removals.propose(this.reviewer, id, Map.of(item, "REMOVE_GLOBALLY"));
		assertThat(refused.status()).isEqualTo(409);
		World.Person lead = this.world.staff("HUMAN_RIGHTS_LEAD");
		Api.Response reviewed = this.api.as(lead.token())
			.post("/api/v1/removal-requests/" + id + "/human-rights-review",
					Map.of("verdict", "CONCERN", "note", "Critics of officials are often targeted"));
		assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
		assertThat(reviewed.json().path("humanRightsReview").path("verdict").asString()).isEqualTo("CONCERN");
		assertThat(this.removals.propose(this.reviewer, id, Map.of(item, "REMOVE_GLOBALLY")).status()).isEqualTo(200);
	}

}
