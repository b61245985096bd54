package org.custodian.shared;

/**
 * The thing does not exist, or the caller may not know that it exists (another agency's
 * request).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
