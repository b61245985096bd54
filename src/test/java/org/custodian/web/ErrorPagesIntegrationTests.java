package org.custodian.web;

import org.custodian.support.IntegrationTest;
import org.custodian.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong address or a page that is not the viewer's answers with a page in the layout,
 * in the viewer's language, with the right status; the API keeps answering problem+json.
 */
class ErrorPagesIntegrationTests extends IntegrationTest {

	@Test
	void aWrongConsoleAddressShowsThePageNotFoundInTheLayout() {
		WebSession reviewer = new WebSession(this.port);
		WebAccounts.staff(reviewer, this.world.staffAccount(WebAccounts.PASSWORD, "REVIEWER"));

		WebSession.Page missing = reviewer.get("/console/no-such-page");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("text/html");
		assertThat(missing.body()).contains("<h1>Page not found</h1>", "There is no page at this address",
				"Response console");

		WebSession.Page chinese = reviewer.get("/console/no-such-page?lang=zh-TW");
		assertThat(chinese.status()).isEqualTo(404);
		assertThat(chinese.body()).contains("找不到頁面", "回應控制台");
		reviewer.get("/console/cases?lang=en");

		WebSession.Page forbidden = reviewer.get("/console/admin/agencies");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.header("Content-Type")).startsWith("text/html");
		assertThat(forbidden.body()).contains("Not available to you", "Your account does not give access");
	}

	@Test
	void aWrongPortalOrPublicAddressShowsThePageNotFound() {
		WebSession visitor = new WebSession(this.port);
		WebSession.Page missing = visitor.get("/transparency/reports/nothing/here");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Page not found", "Go to the start page");

		WebSession officer = new WebSession(this.port);
		WebAccounts.officer(officer, this.world.agency("HK"));
		WebSession.Page portal = officer.get("/portal/no-such-page");
		assertThat(portal.status()).isEqualTo(404);
		assertThat(portal.body()).contains("Page not found", "Agency portal");
	}

	@Test
	void theApiKeepsAnsweringProblemJson() {
		WebSession client = new WebSession(this.port);
		WebSession.Page missing = client.get("/api/v1/transparency/no-such-thing");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
	}

}
