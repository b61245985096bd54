package org.custodian.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.custodian.intake.LegalDocument;
import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.HostileInputIntegrationTests.assertRefused;

/**
 * The officer's reply to the response team's question can carry a PDF (issue 14), checked
 * as the request's own document is (its bytes, 20 MB, its file name): in the portal's
 * reply form and over the API (multipart, as a submission). Staff open it from the case,
 * the owner and delegates in the portal. A refused reply stores nothing and records
 * nothing: the question stays open.
 */
class ReplyAttachmentIntegrationTests extends IntegrationTest {

	private static final byte[] NOT_A_PDF = "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8);

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnswerWithAPdfIsOpenedByStaffAndByTheOwnerAndNoOneElse() {
		WebAccounts.Circle officers = WebAccounts.Circle.of(this.world, this.port, this.world.agency("US"));
		WebSession owner = officers.owner();
		String path = WebAccounts.submitSubpoena(owner);
		String id = path.substring(path.lastIndexOf('/') + 1);
		ask(id);

		assertThat(owner.get(path).body()).contains("enctype=\"multipart/form-data\"", "name=\"document\"",
				"Attach a PDF (optional, up to 20 MB)");
		WebSession.Page answered = owner.postMultipart(path + "/answer",
				Map.of("answer", "The warrant's annex is attached."), "document", "annex.pdf", PDF);
		assertThat(answered.status()).as(answered.toString()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("IN_REVIEW");
		String attachment = this.jdbc
			.sql("SELECT answer_attachment_id::text FROM case_question WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE subject_id = ? AND action = 'request.information-provided'
				  AND details LIKE ?""").params(id, "%" + LegalDocument.sha256(PDF) + "%").query(Long.class).single())
			.isEqualTo(1);

		String link = path + "/attachments/" + attachment;
		assertThat(owner.get(path).body()).contains("href=\"" + link + "\"", "annex.pdf");
		WebSession.Download pdf = owner.download(link);
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.bytes()).isEqualTo(PDF);
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(pdf.header("X-Content-Type-Options")).isEqualTo("nosniff");
		owner.get(path);
		assertThat(owner.post(path + "/delegations", Map.of("email", officers.delegateEmail())).status())
			.isEqualTo(302);
		assertThat(officers.delegate().download(link).bytes()).isEqualTo(PDF);
		assertThat(officers.colleague().get(path).body()).contains("annex.pdf").doesNotContain(link);
		assertThat(officers.colleague().download(link).status()).isEqualTo(403);
		assertThat(officers.stranger().download(link).status()).isEqualTo(404);

		WebSession console = new WebSession(this.port);
		WebAccounts.staff(console, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));
		String consoleLink = "/console/cases/" + id + "/attachments/" + attachment;
		assertThat(console.get("/console/cases/" + id).body()).contains("Attached by the agency:",
				"href=\"" + consoleLink + "\"", "annex.pdf");
		assertThat(console.download(consoleLink).bytes()).isEqualTo(PDF);
		Api.Call staff = this.api.as(this.world.staff("AUDITOR").token());
		JsonNode question = staff.get("/api/v1/cases/" + id).json().path("questions").get(0);
		assertThat(question.path("attachment").path("filename").asString()).isEqualTo("annex.pdf");
		assertThat(question.path("attachment").path("sha256").asString()).isEqualTo(LegalDocument.sha256(PDF));
		assertThat(staff.get("/api/v1/cases/" + id + "/attachments/" + attachment).status()).isEqualTo(200);
	}

	@Test
	void aReplyWithAFileThatIsNotAPdfIsRefusedByItsLabelAndChangesNothing() {
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, this.world.agency("US"));
		String path = WebAccounts.submitSubpoena(owner);
		String id = path.substring(path.lastIndexOf('/') + 1);
		ask(id);
		long events = events(id);

		owner.get(path);
		WebSession.Page refused = owner.postMultipart(path + "/answer", Map.of("answer", "See the file."), "document",
				"annex.pdf", NOT_A_PDF);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Attach a PDF (optional, up to 20 MB): is not a PDF",
				"For your security the browser does not keep a chosen file", "See the file.");
		owner.get(path + "?lang=zh-TW");
		WebSession.Page chinese = owner.postMultipart(path + "/answer", Map.of("answer", "見附件。"), "document",
				"annex.pdf", new byte[0]);
		assertThat(chinese.status()).isEqualTo(400);
		assertThat(chinese.body()).contains("附加 PDF（選填，最大 20 MB）：為空白");
		assertUnchanged(id, events);
	}

	@Test
	void theApiTakesTheReplyAsMultipartAndNamesEachBadPart() {
		Person officer = this.world.officer(this.world.agency("US"));
		String id = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		ask(id);
		long events = events(id);
		Api.Call call = this.api.as(officer.token());
		String answers = "/api/v1/requests/" + id + "/answers";
		Map<String, Object> reply = Map.of("answer", "Annex attached.");

		assertRefused(call.postMultipart(answers, reply, NOT_A_PDF, "annex.pdf"), "document", "is not a PDF");
		assertRefused(call.postMultipart(answers, reply, PDF, "annex\u0000.pdf"), "document", "file name is not valid");
		assertRefused(call.postMultipart(answers, reply, PDF, "a".repeat(5000) + ".pdf"), "document",
				"file name is too long");
		assertRefused(call.postMultipart(answers, Map.of("answer", "x\u0007"), PDF, "annex.pdf"), "answer",
				"control character");
		assertRefused(call.postMultipart(answers, Map.of("answer", List.of("no")), PDF, "annex.pdf"), "answer",
				"must be text");
		assertRefused(call.postMultipart(answers, Map.of("answer", " "), PDF, "annex.pdf"), "answer", "is required");
		assertUnchanged(id, events);

		Api.Response answered = call.postMultipart(answers, reply, PDF, "annex.pdf");
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().path("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(answered.json().path("questions").get(0).path("attachment").path("sha256").asString())
			.isEqualTo(LegalDocument.sha256(PDF));
	}

	private void assertUnchanged(String id, long events) {
		assertThat(status(id)).isEqualTo("NEEDS_INFO");
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_question WHERE request_id = ?::uuid AND answer IS NULL")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_answer_attachment WHERE request_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(events(id)).isEqualTo(events);
	}

	private void ask(String id) {
		Api.Response asked = this.api.as(this.world.staff("REVIEWER").token())
			.post("/api/v1/cases/" + id + "/questions", Map.of("question", "Which annex do you mean?"));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
	}

	private String status(String id) {
		return this.jdbc.sql("SELECT status FROM review_case WHERE request_id = ?::uuid")
			.param(id)
			.query(String.class)
			.single();
	}

	private long events(String id) {
		// The e-mail telling the officer of the question is recorded when it is sent.
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE subject_id = ? AND action NOT LIKE 'officer.notif%'")
			.param(id)
			.query(Long.class)
			.single();
	}

}
