package org.custodian.authorization;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.custodian.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Who may do what, tried on every surface as every caller: for each endpoint that changes
 * state (and the reads that expose case data), no one, the request's owner, a colleague
 * of the same agency who was not delegated it, an officer of another agency, each staff
 * role alone and, where four eyes apply, the proposer. The callers the row allows must
 * succeed, each on a fresh fixture reached through real transitions, and change the
 * target; every other caller is refused (API: 401, 403, or 404 for another agency's
 * request; console and portal: the sign-in page without a session, else 403 or 404) and
 * changes nothing: the target's rows in the database and the audit events about it (or by
 * the caller) are the same afterwards.
 *
 * <p>
 * The endpoints come from the running application's request mappings, so a new
 * state-changing endpoint under {@code /api}, {@code /console} or {@code /portal} without
 * a row fails {@link #everyStateChangingEndpointHasARow()}.
 *
 * <p>
 * To add a row, append one to {@link Rows} (or {@link PolicyRows} for jurisdiction-wide
 * decisions) for its surface: the method and the path pattern exactly as mapped
 * ({@code api("POST", "/api/v1/pauses/{id}/confirmation")}), {@code allow(...)} the
 * callers the {@code identity.Action} row admits, {@code on(...)} a fixture from
 * {@link Fixtures} that returns the target (path variables, audit subjects, a state probe
 * read from the database; add one there if none fits), and the {@code body(...)} a caller
 * sends (JSON for the API, form fields for the browser). {@code fourEyes()} adds the
 * proposer as a caller who must be refused (the fixture must be proposed by
 * {@link Caller#PROPOSER}); {@code readOnly()} marks reads and previews; {@code page()} a
 * browser success that renders a page instead of redirecting. A row that fails for a
 * known, filed reason is marked {@code knownBroken("issue N: ...")}: its failures are
 * reported as an aborted test, and it fails once it passes, so the flag is removed with
 * the fix.
 */
class RoleMatrixIntegrationTests extends IntegrationTest {

	/**
	 * Rows on a produced request: the API's passphrase (shared, owner's, colleague's),
	 * the portal's (shared, owner's) and a download on each.
	 */
	private static final int PRODUCTIONS = 8;

	/** The emergency follow-up: shared, owner's, colleague's. */
	private static final int EMERGENCIES = 3;

	/** The preservation's extension and reference: shared, owner's, colleague's each. */
	private static final int PRESERVATIONS = 6;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyStateChangingEndpointHasARow() {
		Set<String> rows = new TreeSet<>();
		Rows.all().forEach((row) -> rows.add(row.key()));
		Set<String> inventory = Inventory.stateChanging(this.context);
		assertThat(inventory).as("the application's state-changing endpoints").isNotEmpty();
		List<String> missing = inventory.stream().filter((endpoint) -> !rows.contains(endpoint)).toList();
		assertThat(missing).as("state-changing endpoints without a row in the role matrix (add one to Rows)").isEmpty();
		List<String> stale = rows.stream().filter((row) -> !Inventory.all(this.context).contains(row)).toList();
		assertThat(stale).as("rows of the role matrix for endpoints the application does not map").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyCallerGetsWhatTheMatrixSays() {
		Probes probes = new Probes(this.jdbc);
		Cast cast = Cast.assemble(this.world, this.jdbc, this.port);
		Fixtures fixtures = new Fixtures(this.world, this.api, cast, probes);
		fixtures.startJobs(PRODUCTIONS, EMERGENCIES, PRESERVATIONS);
		Matrix matrix = new Matrix(this.api, cast, fixtures, probes);
		return Rows.all().stream().map((row) -> DynamicTest.dynamicTest(row.toString(), () -> check(matrix, row)));
	}

	private static void check(Matrix matrix, Row row) {
		List<String> failures = matrix.run(row);
		List<String> known = failures.stream()
			.filter((failure) -> row.tolerates(Caller.valueOf(failure.split(" ", 2)[0])))
			.toList();
		List<String> unexpected = failures.stream().filter((failure) -> !known.contains(failure)).toList();
		if (!unexpected.isEmpty()) {
			fail(row + ":\n  " + String.join("\n  ", unexpected));
		}
		if (row.knownBroken != null) {
			if (known.isEmpty()) {
				fail(row + " passes now: remove its knownBroken(\"" + row.knownBroken + "\") flag");
			}
			throw new TestAbortedException(
					"KNOWN BROKEN (" + row.knownBroken + ") " + row + ":\n  " + String.join("\n  ", known));
		}
	}

}
