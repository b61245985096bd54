package org.custodian.authorization;

import java.util.List;

import static org.custodian.authorization.Row.console;

/**
 * The console's write endpoints of staff single sign-on.
 */
final class SingleSignOnRows {

	private SingleSignOnRows() {
	}

	static List<Row> consoleRows() {
		return List.of(console("POST", "/console/second-factor")
			.selfService("only a session between its sign-in at the identity provider and its code "
					+ "(SingleSignOnIntegrationTests)"));
	}

}
