package org.custodian.removal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.Api;
import org.custodian.support.World;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Removal requests through the API, as an authority and the response team would send
 * them: a request with items, a proposal, an approval.
 */
public final class Removals {

	private final Api api;

	public Removals(Api api) {
		this.api = api;
	}

	/** A court order to take down some posts, restricted to the given scope. */
	public static Map<String, Object> order(List<String> territorialScope, String... postIds) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("basis", "COURT_ORDER");
		body.put("legalBasis", "Defamation Ordinance s. 21");
		body.put("issuingAuthority", "District Court");
		List<Map<String, Object>> items = new ArrayList<>();
		for (String post : postIds) {
			items.add(Map.of("kind", "POST_ID", "value", post));
		}
		body.put("items", items);
		body.put("reason", "DEFAMATION");
		body.put("explanation", "The posts accuse a named official of a crime.");
		body.put("territorialScope", territorialScope);
		body.put("respondBy", "2099-01-31");
		return body;
	}

	/** Unique post ids, so that the sample platform's state is this test's own. */
	public static String post() {
		return "post-" + UUID.randomUUID();
	}

	/** Submits and returns the id; asserts it was accepted. */
	public String submit(World.Person officer, Map<String, Object> request) {
		Api.Response response = this.api.as(officer.token()).post("/api/v1/removal-requests", request);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	public JsonNode staffView(World.Person staff, String id) {
		Api.Response response = this.api.as(staff.token()).get("/api/v1/removal-requests/" + id);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** The ids of the request's items, in order. */
	public List<String> itemIds(World.Person staff, String id) {
		List<String> ids = new ArrayList<>();
		staffView(staff, id).path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	/** A proposal: decisions (item id → decision, or decision:reason for NO_ACTION). */
	public static Map<String, Object> proposal(Map<String, String> decisions) {
		List<Map<String, Object>> items = new ArrayList<>();
		decisions.forEach((itemId, decision) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("itemId", itemId);
			String[] parts = decision.split(":");
			item.put("decision", parts[0]);
			if (parts.length > 1) {
				item.put("noActionReason", parts[1]);
			}
			items.add(item);
		});
		return Map.of("items", items, "reason", "Checked against the order and local law", "assessment",
				World.satisfiedAssessment());
	}

	public Api.Response propose(World.Person reviewer, String id, Map<String, String> decisions) {
		return this.api.as(reviewer.token()).post("/api/v1/removal-requests/" + id + "/decision", proposal(decisions));
	}

	public Api.Response approve(World.Person approver, String id) {
		return this.api.as(approver.token())
			.post("/api/v1/removal-requests/" + id + "/approval", Map.of("approve", true, "comment", "Agreed"));
	}

	/** What a viewer in a jurisdiction sees of a post on the sample platform. */
	public JsonNode seen(String post, String from) {
		Api.Response response = this.api.anonymous().get("/sample-platform/items/" + post + "?from=" + from);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

}
