package org.custodian.shared;

/**
 * The caller is known and may see the thing, but may not do this to it; the message says
 * why.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String message) {
		super(message);
	}

}
