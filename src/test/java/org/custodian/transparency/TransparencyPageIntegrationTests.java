package org.custodian.transparency;

import java.time.Instant;
import java.util.List;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages: anyone can read the world table and a jurisdiction's record, pauses
 * included, without signing in.
 */
class TransparencyPageIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void liftEverything() {
		Policies.liftAll(this.jdbc);
	}

	@Test
	void showsTheWorldTableAndAJurisdictionsRecordWithItsPauses() {
		Person officer = this.world.officer(this.world.agency("LI"));
		this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		new Policies(this.api, this.world).enact(Policies.pause("LI", "FROM_AUTHORITIES",
				List.of("REVIEW", "PRODUCTION"), "ALL", "2020-06-30T15:00:00Z", "International consensus"));

		String period = Period.of(Instant.now()).toString();
		Api.Response world = this.api.anonymous().get("/transparency?period=" + period);
		assertThat(world.status()).isEqualTo(200);
		assertThat(world.text()).contains("Government requests for user data",
				"href=\"/transparency/LI\">Liechtenstein</a>",
				"Share of requests from LI with some data produced, per half-year",
				"<title>" + period + ": 0 %</title>");

		assertThat(this.api.anonymous().get("/transparency?period=" + period + "&lang=zh-TW").text())
			.contains("政府調取用戶資料的請求", "列支敦斯登");

		Api.Response page = this.api.anonymous().get("/transparency/LI");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("No data has ever been disclosed to authorities of Liechtenstein",
				"Liechtenstein</span> <span class=\"muted\">(LI)", "<svg", "Pending formal human rights due diligence",
				"since 2020-06-30");
	}

}
