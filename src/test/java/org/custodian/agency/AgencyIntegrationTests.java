package org.custodian.agency;

import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.IntegrationTest;
import org.custodian.support.World;
import org.custodian.support.World.Agency;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agencies and officers: domains prove membership, and only verified agencies' officers
 * act.
 */
class AgencyIntegrationTests extends IntegrationTest {

	@Test
	void registersAnAgencyAsPendingAndRefusesBadFields() {
		Api.Response created = this.world.admin()
			.post("/api/v1/agencies", Map.of("name", "Hong Kong Police Force", "jurisdiction", "HK", "kind", "POLICE",
					"emailDomains", List.of("police.gov.hk"), "callbackPhone", "+852 2860 2000"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("status").asString()).isEqualTo("PENDING");

		Api.Response bad = this.world.admin()
			.post("/api/v1/agencies", Map.of("name", "X", "jurisdiction", "XX", "kind", "MILITIA", "emailDomains",
					List.of("not a domain"), "callbackPhone", "call me"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("jurisdiction", "kind", "emailDomains[0]",
				"callbackPhone");
	}

	@Test
	void refusesAPublicWebmailDomainNamingTheField() {
		String name = "Webmail Police " + System.nanoTime();
		Api.Response refused = this.world.admin()
			.post("/api/v1/agencies", Map.of("name", name, "jurisdiction", "HK", "kind", "POLICE", "emailDomains",
					List.of("police.gov.hk", "Gmail.com"), "callbackPhone", "+852 2860 2000"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.errorFields()).containsExactly("emailDomains");
		assertThat(refused.text()).contains("gmail.com is a public e-mail provider");
	}

	@Test
	void acceptsOfficersOnTheDomainOrASubdomainAndRefusesLookalikes() {
		Api.Response agency = this.world.admin()
			.post("/api/v1/agencies", Map.of("name", "Metro", "jurisdiction", "US", "kind", "POLICE", "emailDomains",
					List.of("metro" + System.nanoTime() + ".gov"), "callbackPhone", "+1 202 555 0100"));
		String id = agency.json().path("id").asString();
		String domain = agency.json().path("emailDomains").get(0).asString();
		String officers = "/api/v1/agencies/" + id + "/officers";

		assertThat(officer(officers, "a@" + domain).status()).isEqualTo(201);
		assertThat(officer(officers, "b@Cyber." + domain.toUpperCase()).status()).isEqualTo(201);
		for (String lookalike : List.of("c@" + domain + ".evil.com", "d@evil" + domain, "e@" + domain + "x")) {
			Api.Response refused = officer(officers, lookalike);
			assertThat(refused.status()).as(lookalike).isEqualTo(400);
			assertThat(refused.errorFields()).containsExactly("email");
		}
	}

	@Test
	void refusesOfficersOfUnverifiedOrSuspendedAgenciesWithTheReason() {
		Agency pending = this.world.agency("GB", false);
		Person waiting = this.world.officer(pending);
		Api.Response refused = this.api.as(waiting.token())
			.post("/api/v1/requests", World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("detail").asString()).contains("not been verified");

		Agency agency = this.world.agency("DE");
		Person officer = this.world.officer(agency);
		String id = this.world.submit(officer, World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		Api.Response suspended = this.world.admin()
			.post("/api/v1/agencies/" + agency.id() + "/verification",
					Map.of("status", "SUSPENDED", "reason", "Mailbox compromise reported on 2026-11-01"));
		assertThat(suspended.json().path("status").asString()).isEqualTo("SUSPENDED");

		Api.Response blocked = this.api.as(officer.token()).get("/api/v1/requests/" + id);
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.json().path("detail").asString()).contains("suspended", "Mailbox compromise");
	}

	private Api.Response officer(String path, String email) {
		return this.world.admin().post(path, Map.of("email", email, "name", "Officer", "title", "Detective"));
	}

}
