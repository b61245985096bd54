package org.custodian.shared;

/**
 * An audited event about one request.
 */
public interface RequestEvent extends AuditableEvent {

	RequestId requestId();

	@Override
	default String subjectType() {
		return "request";
	}

	@Override
	default String subjectId() {
		return requestId().toString();
	}

}
