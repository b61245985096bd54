package org.custodian.removal;

/** An appeal link that has already been used: it opens nothing again (410). */
public class AppealLinkUsed extends RuntimeException {

	AppealLinkUsed() {
		super("This appeal link has already been used: an appeal was filed with it.");
	}

}
