package org.custodian.web;

import java.util.Map;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The officer opens the PDF their agency submitted: the owner and delegates, as a PDF the
 * browser shows and never sniffs as anything else; a colleague without access and another
 * agency cannot.
 */
class PortalDocumentIntegrationTests extends IntegrationTest {

	@Test
	void theOwnerAndADelegateOpenTheSubmittedPdfAndNoOneElseDoes() {
		World.Agency agency = this.world.agency("US");
		WebSession owner = new WebSession(this.port);
		WebAccounts.officer(owner, agency);
		WebSession delegate = new WebSession(this.port);
		String delegateEmail = WebAccounts.officer(delegate, agency);
		WebSession colleague = new WebSession(this.port);
		WebAccounts.officer(colleague, agency);
		WebSession stranger = new WebSession(this.port);
		WebAccounts.officer(stranger, this.world.agency("US"));

		owner.get("/portal/requests/new");
		WebSession.Page submitted = owner.postMultipart("/portal/requests",
				Map.of("type", "LEGAL_PROCESS", "instrument", "SUBPOENA", "legalBasis", "Grand jury subpoena 9",
						"targets[0].kind", "USERNAME", "targets[0].value", "wire.fraudster", "categories",
						"BASIC_SUBSCRIBER"),
				"document", "subpoena.pdf", PDF);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(302);
		String path = submitted.location().replaceFirst("^https?://[^/]+", "");
		assertThat(owner.get(path).body()).contains("href=\"" + path + "/document\"", "subpoena.pdf");
		assertThat(owner.post(path + "/delegations", Map.of("email", delegateEmail)).status()).isEqualTo(302);

		for (WebSession allowed : new WebSession[] { owner, delegate }) {
			WebSession.Download pdf = allowed.download(path + "/document");
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(pdf.bytes()).isEqualTo(PDF);
			assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
			assertThat(pdf.header("Content-Disposition")).startsWith("inline; filename=");
			assertThat(pdf.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}
		assertThat(colleague.get(path).body()).doesNotContain(path + "/document");
		assertThat(colleague.download(path + "/document").status()).isEqualTo(403);
		assertThat(stranger.download(path + "/document").status()).isEqualTo(404);
	}

}
