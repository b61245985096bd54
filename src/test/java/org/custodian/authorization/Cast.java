package org.custodian.authorization;

import java.util.EnumMap;
import java.util.Map;

import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.web.WebAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person per {@link Caller}, each with an API token and a browser session signed in
 * the way a person signs in (password, then an enrolled authenticator).
 */
final class Cast {

	private final Map<Caller, Member> members = new EnumMap<>(Caller.class);

	final World.Agency agency;

	final int port;

	/** An officer of the agency who never signs in: the one a delegation names. */
	final World.Person spareOfficer;

	final String spareEmail;

	private Cast(World world, JdbcClient jdbc, int port) {
		this.port = port;
		this.agency = world.agency("US");
		World.Agency other = world.agency("US");
		WebSession anonymous = new WebSession(port);
		anonymous.get("/portal/login");
		this.members.put(Caller.ANONYMOUS, new Member(Caller.ANONYMOUS, "", null, null, anonymous));
		officer(Caller.OWNER, this.agency, world, jdbc, port);
		officer(Caller.COLLEAGUE, this.agency, world, jdbc, port);
		officer(Caller.OTHER_AGENCY, other, world, jdbc, port);
		for (Caller role : Caller.STAFF) {
			staff(role, world, port, role.name());
		}
		staff(Caller.PROPOSER, world, port, "REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD", "POLICY_ADMIN");
		this.spareOfficer = world.officer(this.agency);
		this.spareEmail = jdbc.sql("SELECT email FROM officer WHERE id = ?::uuid")
			.param(this.spareOfficer.id())
			.query(String.class)
			.single();
	}

	static Cast assemble(World world, JdbcClient jdbc, int port) {
		return new Cast(world, jdbc, port);
	}

	Member get(Caller caller) {
		return this.members.get(caller);
	}

	private void officer(Caller caller, World.Agency of, World world, JdbcClient jdbc, int port) {
		WebSession web = new WebSession(port);
		String email = WebAccounts.officer(web, of);
		web.get("/portal/requests");
		String id = jdbc.sql("SELECT id::text FROM officer WHERE email = ?").param(email).query(String.class).single();
		this.members.put(caller,
				new Member(caller, id, email, token(world, "/api/v1/officers/" + id + "/tokens"), web));
	}

	private void staff(Caller caller, World world, int port, String... roles) {
		World.Account account = world.staffAccount(WebAccounts.PASSWORD, roles);
		WebSession web = new WebSession(port);
		WebAccounts.staff(web, account);
		web.get("/console/cases");
		this.members.put(caller, new Member(caller, account.id(), account.email(),
				token(world, "/api/v1/staff/" + account.id() + "/tokens"), web));
	}

	private static String token(World world, String path) {
		var issued = world.admin().post(path, Map.of());
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.json().path("token").asString();
	}

	/**
	 * A caller's identity, API token and browser session (no token and a session that
	 * never signed in for {@link Caller#ANONYMOUS}).
	 */
	record Member(Caller caller, String id, String email, String token, WebSession web) {

		World.Person person(World.Agency agency) {
			return new World.Person(this.id, this.token, agency);
		}

	}

}
