package org.custodian.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.custodian.support.Api;
import org.custodian.support.WebSession;

/**
 * Runs one row: every caller who may not act, on one shared fixture (a refusal changes
 * nothing, so they can share it), then every caller who may, each on a fresh fixture.
 * Returns what went wrong, one line per caller.
 */
final class Matrix {

	private final Api api;

	private final Cast cast;

	private final Fixtures fixtures;

	private final Probes probes;

	Matrix(Api api, Cast cast, Fixtures fixtures, Probes probes) {
		this.api = api;
		this.cast = cast;
		this.fixtures = fixtures;
		this.probes = probes;
	}

	List<String> run(Row row) {
		List<String> failures = new ArrayList<>();
		Target shared = row.fixture.apply(this.fixtures);
		String[] state = { shared.state().get() };
		for (Caller caller : row.callers()) {
			if (!row.allowed.contains(caller) && !refused(row, caller, shared, state, failures)) {
				// A caller who got through spoilt the fixture: the next one gets a fresh
				// one.
				shared = row.fixture.apply(this.fixtures);
				state[0] = shared.state().get();
			}
		}
		for (Caller caller : row.allowed) {
			allowed(row, caller, row.readOnly ? shared : row.fixture.apply(this.fixtures), failures);
		}
		return failures;
	}

	/**
	 * The state before the call is in {@code state[0]}; the state after is left there.
	 * Returns whether the target is unchanged.
	 */
	private boolean refused(Row row, Caller caller, Target target, String[] state, List<String> failures) {
		Cast.Member member = this.cast.get(caller);
		long events = this.probes.auditEvents(target.subjects(), member.id());
		Outcome outcome = call(row, member, target);
		String expected = refusal(row, caller);
		if (!outcome.matches(expected)) {
			failures.add(caller + " was not refused: expected " + expected + ", got " + outcome);
		}
		String after = target.state().get();
		boolean unchanged = state[0].equals(after);
		if (!unchanged) {
			failures.add(caller + " changed the target's state: " + abbreviated(after));
			state[0] = after;
		}
		long logged = this.probes.auditEvents(target.subjects(), member.id()) - events;
		if (logged != 0) {
			failures.add(caller + " left " + logged + " new audit event(s) about the target");
		}
		return unchanged;
	}

	private static String abbreviated(String text) {
		String flat = (text == null) ? "" : text.replaceAll("\\s+", " ");
		return (flat.length() <= 200) ? flat : flat.substring(0, 200) + "…";
	}

	private void allowed(Row row, Caller caller, Target target, List<String> failures) {
		String state = target.state().get();
		Outcome outcome = call(row, this.cast.get(caller), target);
		String expected = (row.surface == Row.Surface.API) ? "2xx" : (row.browserSuccess == 302)
				? "302 elsewhere than a sign-in page" : String.valueOf(row.browserSuccess);
		if (!outcome.matches(expected)) {
			failures.add(caller + " may act but got " + outcome + " (expected " + expected + ")");
		}
		else if (!row.readOnly && state.equals(target.state().get())) {
			failures.add(caller + " may act and was answered " + outcome.status + ", but the target did not change");
		}
	}

	/** What ARCHITECTURE.md promises a caller who may not act. */
	private static String refusal(Row row, Caller caller) {
		if (row.refusedOtherwise.containsKey(caller)) {
			return row.refusedOtherwise.get(caller);
		}
		if (row.refusedAs != null) {
			return row.refusedAs;
		}
		boolean hidden = caller == Caller.OTHER_AGENCY && row.aboutARequest();
		if (row.surface == Row.Surface.API) {
			return (caller == Caller.ANONYMOUS) ? "401" : hidden ? "404" : "403";
		}
		if (caller == Caller.ANONYMOUS) {
			return "302 to /" + row.surface.name().toLowerCase() + "/login";
		}
		return hidden ? "404" : "403";
	}

	private Outcome call(Row row, Cast.Member member, Target target) {
		String path = target.path(row.pattern);
		Object body = row.body.of(target, this.cast);
		if (row.surface == Row.Surface.API) {
			Api.Call call = (member.token() != null) ? this.api.as(member.token()) : this.api.anonymous();
			if (body instanceof String) {
				call = call.header("Content-Type", "text/csv");
			}
			Api.Response response = switch (row.method) {
				case "GET" -> call.get(path);
				case "PUT" -> call.put(path, body);
				default -> call.post(path, body);
			};
			return new Outcome(response.status(), null, response.text());
		}
		WebSession web = member.web();
		@SuppressWarnings("unchecked")
		WebSession.Page page = "GET".equals(row.method) ? web.get(path) : web.post(path, (Map<String, String>) body);
		return new Outcome(page.status(), page.location(), page.body());
	}

	/** A response, as much of it as a refusal or a success is told by. */
	record Outcome(int status, String location, String body) {

		boolean matches(String expected) {
			if (expected.equals("2xx")) {
				return this.status >= 200 && this.status < 300;
			}
			if (expected.startsWith("302 to ")) {
				return this.status == 302 && this.location != null && this.location.endsWith(expected.substring(7));
			}
			if (expected.startsWith("302 elsewhere")) {
				return this.status == 302 && this.location != null && !this.location.contains("/login");
			}
			return String.valueOf(this.status).equals(expected);
		}

		@Override
		public String toString() {
			return this.status + ((this.location != null) ? " -> " + this.location : "") + " " + abbreviated(this.body);
		}

	}

}
