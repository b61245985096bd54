package org.custodian.authorization;

import java.util.List;
import java.util.Map;

import static org.custodian.authorization.Caller.OWNER;
import static org.custodian.authorization.Row.api;
import static org.custodian.authorization.Row.console;
import static org.custodian.authorization.Row.portal;

/**
 * The matrix's rows for the officer's working day in the portal: the e-mail settings
 * (each officer their own) and the re-issue of a package's passphrase (the owner, as the
 * download: a colleague without access 403, another agency 404), the status history and
 * the PDF attached to a reply (the same), and the staff's opening of that PDF.
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
					.on(Fixtures::produced),
				// The status history and a reply's attachment: the owner (and delegates),
				// as the submitted document; the API's view is the agency's (ADR 4).
				portal("GET", "/portal/requests/{id}/history").allow(OWNER).on(Fixtures::inReview).page().readOnly(),
				portal("GET", "/portal/requests/{id}/attachments/{attachmentId}").allow(OWNER)
					.on(Fixtures::answeredWithAttachment)
					.page()
					.readOnly(),
				api("GET", "/api/v1/requests/{id}").allow(OWNER, Caller.COLLEAGUE).on(Fixtures::inReview).readOnly(),
				api("GET", "/api/v1/cases/{id}/attachments/{attachmentId}").allow(Caller.STAFF)
					.on(Fixtures::answeredWithAttachment)
					.readOnly(),
				console("GET", "/console/cases/{id}/attachments/{attachmentId}").allow(Caller.STAFF)
					.on(Fixtures::answeredWithAttachment)
					.page()
					.readOnly());
	}

}
