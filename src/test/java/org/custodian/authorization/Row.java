package org.custodian.authorization;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One endpoint of the matrix: how to call it, on what, who may, and what success looks
 * like. Built fluently, one short line per fact: {@code api("POST",
 * "/api/v1/cases/{id}/decision").allow(REVIEWER).on(Fixtures::inReview).body(...)}.
 */
final class Row {

	enum Surface {

		API, CONSOLE, PORTAL,
		/** A browser page anyone may open, such as the holder's appeal page. */
		PUBLIC

	}

	/** What the call sends, given the target and the people. */
	interface Body {

		Object of(Target target, Cast cast);

	}

	final String method;

	final String pattern;

	final Surface surface;

	Set<Caller> allowed = EnumSet.noneOf(Caller.class);

	Function<Fixtures, Target> fixture = Fixtures::nothing;

	Body body = (target, cast) -> Map.of();

	/** The status of success in a browser: a redirect after a form, or a page. */
	int browserSuccess = 302;

	/** Reads and previews: success changes nothing, so one fixture serves every call. */
	boolean readOnly;

	/** The proposer (or author) is refused: four eyes. */
	boolean fourEyes;

	/** Public or self-service: why anyone may, or no one in the cast may, call it. */
	String publicNote;

	/** Public: called without a session only. */
	boolean anonymousOnly;

	/** What every caller who may not act gets instead, where it is not a 401/403/404. */
	String refusedAs;

	/** What particular callers who may not act get instead, and why. */
	final Map<Caller, String> refusedOtherwise = new java.util.EnumMap<>(Caller.class);

	/** What tells this row from another one of the same endpoint, if any. */
	String variant;

	/** Why this row is expected to fail on this branch; reported, not failed on. */
	String knownBroken;

	private final Set<Caller> brokenFor = EnumSet.noneOf(Caller.class);

	private Row(Surface surface, String method, String pattern) {
		this.surface = surface;
		this.method = method;
		this.pattern = pattern;
	}

	static Row api(String method, String pattern) {
		return new Row(Surface.API, method, pattern);
	}

	static Row console(String method, String pattern) {
		return new Row(Surface.CONSOLE, method, pattern);
	}

	static Row portal(String method, String pattern) {
		return new Row(Surface.PORTAL, method, pattern);
	}

	/** A public browser page: called without a session (see {@link #publicRow}). */
	static Row publicPage(String method, String pattern) {
		return new Row(Surface.PUBLIC, method, pattern);
	}

	Row allow(Caller first, Caller... more) {
		this.allowed = EnumSet.of(first, more);
		return this;
	}

	Row allow(Set<Caller> callers) {
		this.allowed = EnumSet.copyOf(callers);
		return this;
	}

	Row on(Function<Fixtures, Target> fixture) {
		this.fixture = fixture;
		return this;
	}

	Row body(Body body) {
		this.body = body;
		return this;
	}

	Row body(Map<String, ?> body) {
		this.body = (target, cast) -> body;
		return this;
	}

	/** A second row of the same endpoint, e.g. {@code "urgent"}: named in reports. */
	Row variant(String name) {
		this.variant = name;
		return this;
	}

	Row page() {
		this.browserSuccess = 200;
		return this;
	}

	Row readOnly() {
		this.readOnly = true;
		return this;
	}

	Row fourEyes() {
		this.fourEyes = true;
		return this;
	}

	/**
	 * Public or self-service: it needs no session, so it is called without one (a sign-in
	 * or a registration from a signed-in browser would change whose session it is).
	 */
	Row publicRow(String note) {
		this.anonymousOnly = true;
		return selfService(note);
	}

	/** Self-service: no one in the cast may call it, and why. */
	Row selfService(String note) {
		this.publicNote = note;
		return this;
	}

	Row refusedAs(String outcome) {
		this.refusedAs = outcome;
		return this;
	}

	/**
	 * These callers pass the authorization but cannot act for another reason the row's
	 * Javadoc gives (e.g. invalid input for them): what they get instead.
	 */
	Row refusedAs(String outcome, Caller first, Caller... more) {
		EnumSet.of(first, more).forEach((caller) -> this.refusedOtherwise.put(caller, outcome));
		return this;
	}

	/**
	 * Known to be wrong for a filed reason, for these callers (or, if none are named, for
	 * any caller it should refuse): their failures are reported, not failed on; every
	 * other failure still fails.
	 */
	Row knownBroken(String reason, Caller... callers) {
		this.knownBroken = reason;
		this.brokenFor.addAll(List.of(callers));
		return this;
	}

	/** Whether a failure of this caller is the known one. */
	boolean tolerates(Caller caller) {
		return this.knownBroken != null
				&& (this.brokenFor.isEmpty() ? !this.allowed.contains(caller) : this.brokenFor.contains(caller));
	}

	/**
	 * The key the inventory names the endpoint by: {@code POST
	 * /api/v1/cases/{id}/decision}.
	 */
	String key() {
		return this.method + " " + this.pattern;
	}

	/** The callers this row is tried as. */
	Set<Caller> callers() {
		if (this.anonymousOnly) {
			return EnumSet.of(Caller.ANONYMOUS);
		}
		Set<Caller> callers = EnumSet.allOf(Caller.class);
		if (!this.fourEyes) {
			callers.remove(Caller.PROPOSER);
		}
		return callers;
	}

	/**
	 * A request of the owner's agency is behind the path: another agency's officer gets
	 * 404.
	 */
	boolean aboutARequest() {
		return this.allowed.contains(Caller.OWNER) && !this.allowed.contains(Caller.OTHER_AGENCY);
	}

	@Override
	public String toString() {
		return this.surface + " " + key() + ((this.variant != null) ? " (" + this.variant + ")" : "")
				+ ((this.knownBroken != null) ? " [known broken]" : "");
	}

}
