package org.custodian.audit;

/**
 * The result of recomputing the chain: valid or not, how many events were checked, the
 * head hash, and where the chain first breaks.
 *
 * @param valid whether every event and the head agree
 * @param events the number of events checked
 * @param head the hash of the last event
 * @param firstBrokenSeq the sequence number of the first event that does not verify, or
 * null
 * @param problem what is wrong with it, or null
 */
public record Verification(boolean valid, long events, String head, Long firstBrokenSeq, String problem) {

	static Verification broken(long events, String head, long seq, String problem) {
		return new Verification(false, events, head, seq, problem);
	}

}
