package org.custodian.authorization;

import java.util.List;
import java.util.Map;

import static org.custodian.authorization.Caller.ADMIN;
import static org.custodian.authorization.Caller.APPROVER;
import static org.custodian.authorization.Caller.INTAKE;
import static org.custodian.authorization.Caller.REVIEWER;
import static org.custodian.authorization.Row.api;
import static org.custodian.authorization.Row.console;

/**
 * The matrix's rows for the response team's queue (issue 14): reading it, sorted and
 * filtered, on both surfaces, and assignment ({@code ASSIGN_CASE}): a refused assignment
 * leaves the case unassigned and the audit log without a {@code request.assigned} event.
 */
final class QueueRows {

	private QueueRows() {
	}

	static List<Row> rows() {
		return List.of(api("GET", "/api/v1/cases").allow(Caller.STAFF).readOnly(),
				console("GET", "/console/cases").allow(Caller.STAFF).page().readOnly(),
				api("POST", "/api/v1/cases/{id}/assignment").allow(Rows.ASSIGNERS)
					.on(Fixtures::inReview)
					.body((t, c) -> Map.of("reviewerId", c.get(REVIEWER).id())),
				// "Assign to me": INTAKE, APPROVER and ADMIN may assign, but only to a
				// reviewer.
				console("POST", "/console/cases/{id}/assignment").allow(REVIEWER)
					.on(Fixtures::inReview)
					.refusedAs("400", INTAKE, APPROVER, ADMIN));
	}

}
