package org.custodian.shared;

/**
 * The action does not fit the current state (e.g. approving a request that is not
 * pending).
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
