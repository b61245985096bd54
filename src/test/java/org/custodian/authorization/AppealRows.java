package org.custodian.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodian.support.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.authorization.Caller.ANONYMOUS;
import static org.custodian.authorization.Caller.APPROVER;
import static org.custodian.authorization.Caller.HUMAN_RIGHTS_LEAD;
import static org.custodian.authorization.Caller.REVIEWER;
import static org.custodian.authorization.Row.api;
import static org.custodian.authorization.Row.console;
import static org.custodian.authorization.Row.publicPage;

/**
 * The matrix's appeal rows (issue 12): the account holder files an appeal with the
 * one-time link of their notice (no sign-in: the token is the credential); a reviewer,
 * approver or human-rights lead who did not decide the item decides it, over the API and
 * on the console; the public appeal page opens the link and files through its form. In
 * the fixture the proposer proposed and the cast's approver approved the item, so both
 * are refused.
 */
final class AppealRows {

	private AppealRows() {
	}

	static List<Row> all() {
		return List.of(
				api("POST", "/api/v1/appeals").publicRow("the holder's one-time link is the credential")
					.allow(ANONYMOUS)
					.on(AppealRows::linkSent)
					.body((t, c) -> Map.of("token", t.var("token"), "statement", "It is true")),
				api("POST", "/api/v1/removal-requests/{id}/appeals/{appealId}/decision")
					// the cast's approver approved the item: refused (403) by the
					// relationship
					.allow(REVIEWER, HUMAN_RIGHTS_LEAD)
					.on(AppealRows::appealFiled)
					.fourEyes()
					.body(Map.of("outcome", "RESTORE", "reason", "Protected expression")),
				// The public page the notice links to: opening it changes nothing; its
				// form files the appeal through the same use case.
				publicPage("GET", "/appeal").publicRow("opening the e-mailed link changes nothing")
					.allow(ANONYMOUS)
					.page()
					.readOnly()
					.on(AppealRows::linkOpened),
				publicPage("POST", "/appeal").publicRow("the holder's one-time link is the credential")
					.allow(ANONYMOUS)
					.on(AppealRows::linkSent)
					.body((t, c) -> Map.of("token", t.var("token"), "statement", "It is true")),
				console("POST", "/console/removals/{id}/appeals/{appealId}/decision")
					// as over the API: the cast's approver approved the item (403)
					.allow(REVIEWER, HUMAN_RIGHTS_LEAD)
					.on(AppealRows::appealFiled)
					.fourEyes()
					.body(Map.of("outcome", "RESTORE", "reason", "Protected expression")));
	}

	/**
	 * An item withheld (proposed by the proposer, approved by the cast's approver), its
	 * holder's notice sent with a link.
	 */
	static Target linkSent(Fixtures f) {
		Target request = RemovalRows.pendingApproval(f);
		Api.Response approved = f.as(APPROVER)
			.post("/api/v1/removal-requests/" + request.var("id") + "/approval",
					Map.of("approve", true, "comment", "Agreed"));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		String token = "matrix-" + UUID.randomUUID();
		UUID notice = UUID.randomUUID();
		f.probes().jdbc().sql("""
				INSERT INTO holder_notice (id, account_id, template, subject_type, subject_id, "values", link_path,
				  status, reason, language, created_at)
				VALUES (?, 'matrix-holder', 'removal-effect', 'removal_item', ?::uuid, '{}', '/appeal', 'SENT',
				  'STATEMENT_OF_REASONS', 'en', now())""").params(notice, request.var("item")).update();
		f.probes()
			.jdbc()
			.sql("""
					INSERT INTO holder_notice_link (token_hash, notice_id, subject_id, account_id, created_at)
					VALUES (?, ?, ?::uuid, 'matrix-holder', now())""")
			.params(sha256(token), notice, request.var("item"))
			.update();
		String id = request.var("id");
		return new Target(Map.of("id", id, "item", request.var("item"), "token", token),
				List.of(id, request.var("item")), state(f, id));
	}

	/** The link as the holder opens it: its token in the query. */
	static Target linkOpened(Fixtures f) {
		Target link = linkSent(f);
		Map<String, String> vars = new java.util.HashMap<>(link.vars());
		vars.put("?", "?token=" + link.var("token"));
		return new Target(vars, link.subjects(), link.state());
	}

	/** The holder has appealed. */
	static Target appealFiled(Fixtures f) {
		Target link = linkSent(f);
		Api.Response filed = f.anonymous()
			.post("/api/v1/appeals", Map.of("token", link.var("token"), "statement", "It is true"));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		String appeal = filed.json().path("id").asString();
		return new Target(Map.of("id", link.var("id"), "appealId", appeal), List.of(link.var("id"), appeal),
				state(f, link.var("id")));
	}

	private static java.util.function.Supplier<String> state(Fixtures f, String id) {
		return f.probes()
			.rows("SELECT (SELECT json_agg(a ORDER BY a.filed_at) FROM removal_appeal a WHERE a.request_id = r.id) "
					+ "AS appeals, (SELECT json_agg(i) FROM removal_item i WHERE i.request_id = r.id) AS items, "
					+ "(SELECT json_agg(l) FROM holder_notice_link l JOIN removal_item i ON i.id = l.subject_id "
					+ "WHERE i.request_id = r.id) AS links FROM removal_request r WHERE r.id = ?::uuid", id);
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
