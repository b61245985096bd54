package org.custodian.intake;

import org.custodian.shared.RequestId;

/**
 * Tells intake the lifecycle status of a request it received; implemented by the review
 * module, which owns the lifecycle (an interface here keeps the dependency pointing one
 * way).
 */
public interface RequestStatuses {

	String statusOf(RequestId id);

}
