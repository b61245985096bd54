package org.custodian.removal;

/**
 * An appeal link older than the appeal window: it opens nothing any more (410).
 */
public class AppealLinkExpired extends RuntimeException {

	AppealLinkExpired() {
		super("This appeal link has expired: appeals are filed within the appeal window after the notice.");
	}

}
