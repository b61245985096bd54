package org.custodian.audit;

/**
 * The result of recomputing the chain: valid or not, how many events were checked, the
 * head hash, where the chain first breaks, and the signed checkpoints it was held
 * against.
 *
 * @param valid whether every event, the head and every checkpoint agree
 * @param events the number of events checked
 * @param head the hash of the last event
 * @param firstBrokenSeq the sequence number of the first event that does not verify, or
 * null
 * @param problem what is wrong with it, or null
 * @param checkpoints the number of signed checkpoints the chain was compared with
 * @param latestCheckpoint the newest of them with a valid signature, or null
 */
public record Verification(boolean valid, long events, String head, Long firstBrokenSeq, String problem,
		int checkpoints, Checkpoint latestCheckpoint) {

	static Verification broken(long events, String head, long seq, String problem) {
		return new Verification(false, events, head, seq, problem, 0, null);
	}

	static Verification valid(long events, String head) {
		return new Verification(true, events, head, null, null, 0, null);
	}

	Verification against(int checkpoints, Checkpoint latest) {
		return new Verification(this.valid, this.events, this.head, this.firstBrokenSeq, this.problem, checkpoints,
				latest);
	}

}
