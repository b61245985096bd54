package org.custodian.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodian.shared.Instrument;
import org.custodian.shared.Jurisdiction;
import org.custodian.shared.RequestType;
import org.custodian.support.IntegrationTest;
import org.custodian.support.Policies;
import org.custodian.support.World;
import org.custodian.support.World.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based preview and enactment (SQL) and the per-request evaluation
 * ({@link Pause#matches}) must agree for every kind of pause: checked over all
 * combinations on a spread of requests.
 */
class PauseMatchingIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	record Made(String caseNumber, RequestFacts facts) {
	}

	@Test
	void previewHoldsExactlyWhatThePerRequestRuleMatches() throws Exception {
		Policies policies = new Policies(this.api, this.world);
		Person sg = this.world.officer(this.world.agency("SG"));
		Person us = this.world.officer(this.world.agency("US"));
		String sgUser = account("SG");
		String usUser = account("US");
		List<Made> made = new ArrayList<>();
		Instant before = Instant.now();
		made.addAll(spread(sg, us, sgUser, usUser, before));
		Thread.sleep(20);
		Instant split = Instant.now();
		Thread.sleep(20);
		made.addAll(spread(sg, us, sgUser, usUser, split.plusSeconds(1)));

		for (PauseMatch match : PauseMatch.values()) {
			for (PauseScope scope : PauseScope.values()) {
				for (boolean exceptEmergencies : List.of(false, true)) {
					Map<String, Object> form = new HashMap<>(Policies.pause("SG", match.name(),
							List.of("REVIEW", "PRODUCTION"), scope.name(), split.toString(), null));
					form.put("exceptEmergencies", exceptEmergencies);
					Pause pause = new Pause(UUID.randomUUID(), Jurisdiction.of("SG"), match,
							Set.of(PauseStage.REVIEW, PauseStage.PRODUCTION), scope, split, "r", null, null,
							exceptEmergencies);
					List<String> expected = made.stream()
						.filter((m) -> pause.matches(m.facts()))
						.map(Made::caseNumber)
						.toList();
					List<String> mine = made.stream().map(Made::caseNumber).toList();
					List<String> previewed = new ArrayList<>(
							World.texts(policies.preview(form).json().path("caseNumbers")));
					previewed.retainAll(mine);
					assertThat(previewed).as("%s %s exceptEmergencies=%s", match, scope, exceptEmergencies)
						.containsExactlyInAnyOrderElementsOf(expected)
						.isNotEmpty();
				}
			}
		}
	}

	private List<Made> spread(Person sg, Person us, String sgUser, String usUser, Instant receivedAt) {
		List<Made> made = new ArrayList<>();
		made.add(make(sg, usUser, false, facts(RequestType.LEGAL_PROCESS, "SG", Set.of("US"), receivedAt)));
		made.add(make(us, sgUser, false, facts(RequestType.LEGAL_PROCESS, "US", Set.of("SG"), receivedAt)));
		made.add(make(us, usUser, false, facts(RequestType.LEGAL_PROCESS, "US", Set.of("US"), receivedAt)));
		made.add(make(sg, usUser, true, facts(RequestType.EMERGENCY, "SG", Set.of("US"), receivedAt)));
		made.add(make(us, sgUser, true, facts(RequestType.EMERGENCY, "US", Set.of("SG"), receivedAt)));
		return made;
	}

	private Made make(Person officer, String username, boolean emergency, RequestFacts facts) {
		Map<String, Object> request = new HashMap<>(World.legalProcess("SUBPOENA", "BASIC_SUBSCRIBER"));
		request.put("targets", List.of(Map.of("kind", "USERNAME", "value", username)));
		if (emergency) {
			request.put("type", "EMERGENCY");
			request.put("emergency",
					Map.of("threat", "Bomb threat", "supervisorName", "Sgt. Lim", "supervisorPhone", "+65 6555 0100"));
		}
		String id = this.world.submit(officer, request);
		return new Made(this.world.officerView(officer, id).path("caseNumber").asString(), facts);
	}

	private static RequestFacts facts(RequestType type, String requester, Set<String> targets, Instant receivedAt) {
		return new RequestFacts(type, Instrument.SUBPOENA, Jurisdiction.of(requester),
				targets.stream().map(Jurisdiction::of).collect(java.util.stream.Collectors.toSet()), receivedAt);
	}

	private String account(String jurisdiction) {
		String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO platform_account (id, username, home_jurisdiction) VALUES (?, ?, ?)")
			.params(UUID.randomUUID().toString(), username, jurisdiction)
			.update();
		return username;
	}

}
