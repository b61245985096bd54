package org.custodian.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.custodian.support.WebSession;
import org.custodian.support.World;
import org.custodian.web.WebAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person per {@link Caller}, each with an API token and a browser session signed in
 * the way a person signs in (password, then an enrolled authenticator). Each signs in
 * once, all of them at the same time, and every row reuses their sessions.
 */
final class Cast {

	/** How many people sign in at once while the cast assembles. */
	private static final int SIGNING_IN_AT_ONCE = 4;

	private final Map<Caller, Member> members = new ConcurrentHashMap<>();

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
		List<Runnable> signIns = new ArrayList<>();
		signIns.add(() -> officer(Caller.OWNER, this.agency, world, jdbc, port));
		signIns.add(() -> officer(Caller.COLLEAGUE, this.agency, world, jdbc, port));
		signIns.add(() -> officer(Caller.OTHER_AGENCY, other, world, jdbc, port));
		for (Caller role : Caller.STAFF) {
			signIns.add(() -> staff(role, world, port, role.name()));
		}
		signIns.add(
				() -> staff(Caller.PROPOSER, world, port, "REVIEWER", "APPROVER", "HUMAN_RIGHTS_LEAD", "POLICY_ADMIN"));
		all(signIns);
		assertThat(this.members.keySet()).containsExactlyInAnyOrder(Caller.values());
		this.spareOfficer = world.officer(this.agency);
		this.spareEmail = jdbc.sql("SELECT email FROM officer WHERE id = ?::uuid")
			.param(this.spareOfficer.id())
			.query(String.class)
			.single();
	}

	static Cast assemble(World world, JdbcClient jdbc, int port) {
		return new Cast(world, jdbc, port);
	}

	/** Runs the sign-ins side by side; the first one that fails fails the assembly. */
	private static void all(List<Runnable> signIns) {
		ExecutorService pool = Executors.newFixedThreadPool(SIGNING_IN_AT_ONCE);
		try {
			List<Future<?>> running = signIns.stream().<Future<?>>map(pool::submit).toList();
			for (Future<?> signIn : running) {
				signIn.get(5, TimeUnit.MINUTES);
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
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
