package org.custodian.review;

import java.util.UUID;

import org.custodian.identity.Action;
import org.custodian.identity.CurrentUser;
import org.custodian.shared.NotFoundException;
import org.custodian.shared.RequestId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDFs officers attached to their replies: for the response team, as a request's own
 * document is, and for the request's owner and delegates in the portal.
 */
@Service
public class ReplyAttachments {

	private final JdbcClient jdbc;

	private final Delegations delegations;

	ReplyAttachments(JdbcClient jdbc, Delegations delegations) {
		this.jdbc = jdbc;
		this.delegations = delegations;
	}

	/** For staff who may read a request's legal document; 404 if it is not the case's. */
	@Transactional(readOnly = true)
	public byte[] forStaff(RequestId id, UUID attachment, CurrentUser reader) {
		reader.require(Action.DOWNLOAD_LEGAL_DOCUMENT);
		return content(id, attachment);
	}

	/**
	 * For the request's owner and delegates: 404 for another agency's request, 403 for a
	 * colleague without access.
	 */
	@Transactional(readOnly = true)
	public byte[] forOfficer(RequestId id, UUID attachment, CurrentUser officer) {
		officer.require(Action.READ_OWN_DOCUMENT);
		this.delegations.requireMayAct(id, officer);
		return content(id, attachment);
	}

	private byte[] content(RequestId id, UUID attachment) {
		return this.jdbc.sql("SELECT content FROM case_answer_attachment WHERE id = ? AND request_id = ?")
			.params(attachment, id.value())
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new NotFoundException("This request has no such attachment."));
	}

}
