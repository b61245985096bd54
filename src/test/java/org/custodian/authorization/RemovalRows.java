package org.custodian.authorization;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.custodian.removal.Removals;
import org.custodian.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.authorization.Caller.APPROVER;
import static org.custodian.authorization.Caller.COLLEAGUE;
import static org.custodian.authorization.Caller.HUMAN_RIGHTS_LEAD;
import static org.custodian.authorization.Caller.OWNER;
import static org.custodian.authorization.Caller.REVIEWER;
import static org.custodian.authorization.Row.api;
import static org.custodian.authorization.Row.console;
import static org.custodian.authorization.Row.portal;

/**
 * The matrix's removal-request rows (issue 12): officers submit and follow their agency's
 * requests (another agency's: 404), reviewers propose per-item decisions, an approver who
 * did not propose them approves, a human-rights lead assesses.
 */
final class RemovalRows {

	private RemovalRows() {
	}

	static List<Row> all() {
		Set<Caller> readers = EnumSet.of(OWNER, COLLEAGUE);
		readers.addAll(Caller.STAFF);
		List<Row> rows = new java.util.ArrayList<>(List.of(
				api("POST", "/api/v1/removal-requests").allow(Caller.OFFICERS)
					.on((f) -> f.count("removal_request"))
					.body(Removals.order(List.of("US"), "matrix-post")),
				api("GET", "/api/v1/removal-requests/{id}").allow(readers).on(RemovalRows::inReview).readOnly(),
				api("POST", "/api/v1/removal-requests/{id}/decision").allow(REVIEWER)
					.on(RemovalRows::inReview)
					.body((t, c) -> Removals.proposal(Map.of(t.var("item"), "REMOVE_GLOBALLY"))),
				api("POST", "/api/v1/removal-requests/{id}/approval").allow(APPROVER)
					.on(RemovalRows::pendingApproval)
					.fourEyes()
					.body(Map.of("approve", true, "comment", "Agreed")),
				api("POST", "/api/v1/removal-requests/{id}/human-rights-review").allow(HUMAN_RIGHTS_LEAD)
					.on(RemovalRows::inReview)
					.body(Map.of("verdict", "SATISFIED", "note", "No concern"))));
		rows.addAll(consoleRows());
		rows.addAll(List.of(
				portal("POST", "/portal/removals").allow(Caller.OFFICERS)
					.on((f) -> f.count("removal_request"))
					.body(Map.of("basis", "COURT_ORDER", "legalBasis", "Order 7", "issuingAuthority", "District Court",
							"items[0].kind", "POST_ID", "items[0].value", "matrix-post", "reason", "DEFAMATION",
							"explanation", "Accuses an official")),
				portal("GET", "/portal/removals/{id}").allow(OWNER, COLLEAGUE)
					.on(RemovalRows::inReview)
					.page()
					.readOnly()));
		return rows;
	}

	/** The console's removal pages say the same as the API. */
	static List<Row> consoleRows() {
		return List.of(
				console("GET", "/console/removals/{id}").allow(Caller.STAFF)
					.on(RemovalRows::inReview)
					.page()
					.readOnly(),
				console("POST", "/console/removals/{id}/decision").allow(REVIEWER)
					.on(RemovalRows::inReview)
					.body((t, c) -> decisionForm(t.var("item"))),
				console("POST", "/console/removals/{id}/approval").allow(APPROVER)
					.on(RemovalRows::pendingApproval)
					.fourEyes()
					.body(Map.of("verdict", "approve", "comment", "Agreed")),
				console("POST", "/console/removals/{id}/human-rights-review").allow(HUMAN_RIGHTS_LEAD)
					.on(RemovalRows::inReview)
					.body(Map.of("verdict", "SATISFIED", "note", "No concern")));
	}

	private static Map<String, String> decisionForm(String item) {
		Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("decision." + item, "REMOVE_GLOBALLY");
		form.put("reason", "Breaks the platform's rules");
		for (String field : List.of("legality", "legitimateAim", "necessity", "proportionality", "competentAuthority",
				"companyPolicy", "humanRights")) {
			form.put("assessment." + field + ".verdict", "SATISFIED");
			form.put("assessment." + field + ".note", "Checked");
		}
		return form;
	}

	/** A removal request of the owner's agency, its one item open. */
	static Target inReview(Fixtures f) {
		Api.Response submitted = f.as(OWNER)
			.post("/api/v1/removal-requests", Removals.order(List.of("US"), Removals.post()));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		String id = submitted.json().path("id").asString();
		String item = f.as(REVIEWER)
			.get("/api/v1/removal-requests/" + id)
			.json()
			.path("items")
			.get(0)
			.path("id")
			.asString();
		return new Target(Map.of("id", id, "item", item), List.of(id, item), state(f, id));
	}

	/** Its decision proposed by the proposer, awaiting a second person. */
	static Target pendingApproval(Fixtures f) {
		Target target = inReview(f);
		Api.Response proposed = f.as(Caller.PROPOSER)
			.post("/api/v1/removal-requests/" + target.var("id") + "/decision",
					Removals.proposal(Map.of(target.var("item"), "REMOVE_GLOBALLY")));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
		return target;
	}

	private static java.util.function.Supplier<String> state(Fixtures f, String id) {
		return f.probes()
			.rows("SELECT r.status, r.held_by_pause, (SELECT json_agg(i ORDER BY i.position) FROM removal_item i "
					+ "WHERE i.request_id = r.id) AS items, (SELECT json_agg(p ORDER BY p.proposed_at) "
					+ "FROM removal_proposal p WHERE p.request_id = r.id) AS proposals, "
					+ "(SELECT json_agg(h) FROM removal_human_rights_review h WHERE h.request_id = r.id) AS review "
					+ "FROM removal_request r WHERE r.id = ?::uuid", id);
	}

}
