package org.custodian.review.web;

import java.util.UUID;

import org.custodian.identity.CurrentUser;
import org.custodian.intake.Requests;
import org.custodian.review.ReplyAttachments;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A request's legal document as the browser's PDF viewer shows it, the same for the API
 * and the console: never sniffed as anything else, and under a policy that lets only the
 * viewer run (the pages' own policy would blank it).
 */
final class DocumentResponse {

	private DocumentResponse() {
	}

	static ResponseEntity<byte[]> of(Requests requests, UUID id, CurrentUser reader) {
		return pdf(id, requests.document(new RequestId(id), reader)
			.orElseThrow(() -> new NotFoundException("This request has no document.")));
	}

	/** A PDF attached to an officer's reply, for staff. */
	static ResponseEntity<byte[]> attachment(ReplyAttachments attachments, UUID id, UUID attachment,
			CurrentUser reader) {
		return pdf(attachment, attachments.forStaff(new RequestId(id), attachment, reader));
	}

	static ResponseEntity<byte[]> pdf(UUID id, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"" + id + ".pdf\"")
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; object-src 'self'; frame-ancestors 'none'")
			.body(pdf);
	}

}
