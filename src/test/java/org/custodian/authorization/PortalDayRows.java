package org.custodian.authorization;

import java.util.List;
import java.util.Map;

import static org.custodian.authorization.Caller.OWNER;
import static org.custodian.authorization.Row.portal;

/**
 * The matrix's rows for the officer's working day in the portal: the e-mail settings
 * (each officer their own) and the re-issue of a package's passphrase (the owner, as the
 * download: a colleague without access 403, another agency 404).
 */
final class PortalDayRows {

	private PortalDayRows() {
	}

	static List<Row> portalRows() {
		return List.of(
				// No kinds ticked: every optional kind is turned off, so the settings
				// change.
				portal("POST", "/portal/notifications/settings").allow(Caller.OFFICERS)
					.on((f) -> f.count("officer_notification_opt_out"))
					.body(Map.of("language", "zh-TW")),
				portal("POST", "/portal/requests/{id}/production/passphrase/reissue").allow(OWNER)
					.on(Fixtures::produced));
	}

}
