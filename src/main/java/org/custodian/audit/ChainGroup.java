package org.custodian.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group chaining on one node (docs/adr/0023): the threads whose transactions have just
 * committed pending events each ask for a chaining, and one of them at a time (the
 * leader) runs it, on its own connection, for everyone who asked before it started. The
 * others wait here, in the application, not on the head's lock in the database; when a
 * run ends, those it did not cover elect the next leader among themselves. A run that
 * starts after a thread asked sees that thread's events (it locks the head first and
 * reads afterwards), so a thread returns once its events are in the chain, or once a run
 * that should have covered them failed: they then stay pending, durable, for the next
 * run.
 */
final class ChainGroup {

	private static final Logger log = LoggerFactory.getLogger(ChainGroup.class);

	private long asked;

	private long covered;

	private boolean running;

	/**
	 * Returns once a chaining run that started after this call has ended (run by this
	 * thread or another).
	 * @param run one chaining run in the calling thread's own transaction, committed
	 */
	void chainCommitted(Runnable run) {
		long ticket;
		synchronized (this) {
			ticket = ++this.asked;
		}
		while (true) {
			long target;
			synchronized (this) {
				while (this.running && this.covered < ticket) {
					try {
						wait();
					}
					catch (InterruptedException ex) {
						// Left pending: the next run chains them.
						Thread.currentThread().interrupt();
						return;
					}
				}
				if (this.covered >= ticket) {
					return;
				}
				this.running = true;
				target = this.asked;
			}
			try {
				run.run();
			}
			catch (RuntimeException ex) {
				// Committed and durable as pending events: the next run chains them.
				log.warn("Could not chain the committed audit events now; they stay pending for the next run", ex);
			}
			finally {
				synchronized (this) {
					this.running = false;
					this.covered = Math.max(this.covered, target);
					notifyAll();
				}
			}
		}
	}

}
