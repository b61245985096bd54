package org.custodian.shared;

import java.util.Optional;

/**
 * An audit event about what let a web request act (a token's use), waiting to be recorded
 * with the first change that request commits, in that change's transaction. Whoever holds
 * one records it on its own if the request committed no change. One per thread: the
 * thread that serves the request.
 */
public final class PendingAuditEvent {

	private static final ThreadLocal<AuditableEvent> PENDING = new ThreadLocal<>();

	private PendingAuditEvent() {
	}

	/** Holds the event until a transaction of this thread records it. */
	public static void hold(AuditableEvent event) {
		PENDING.set(event);
	}

	/** The event still waiting, if any; it waits no more. */
	public static Optional<AuditableEvent> take() {
		AuditableEvent event = PENDING.get();
		PENDING.remove();
		return Optional.ofNullable(event);
	}

}
