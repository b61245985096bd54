package org.custodian.audit;

import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.custodian.shared.crypto.Ed25519;

/**
 * The checkpoints a verification holds the chain against, each with its signature
 * checked: those that verify (one per event count), and the first that does not.
 */
final class CheckpointSet {

	private final NavigableMap<Long, Checkpoint> valid = new TreeMap<>();

	private final int count;

	private Checkpoint forged;

	private String forgery;

	private CheckpointSet(int count) {
		this.count = count;
	}

	static CheckpointSet of(List<Checkpoint> checkpoints, Function<String, Optional<PublicKey>> keys) {
		CheckpointSet set = new CheckpointSet(checkpoints.size());
		Map<String, Optional<PublicKey>> trusted = new HashMap<>();
		for (Checkpoint checkpoint : checkpoints) {
			Optional<PublicKey> key = trusted.computeIfAbsent(checkpoint.keyId(), keys);
			if (key.isEmpty()) {
				set.forged(checkpoint, checkpoint.describe() + " names key " + checkpoint.keyId()
						+ ", which is not this platform's checkpoint key");
			}
			else if (!signatureHolds(checkpoint, key.get())) {
				set.forged(checkpoint, checkpoint.describe() + " does not verify with key " + checkpoint.keyId()
						+ ": the checkpoint was altered after it was signed");
			}
			else {
				set.valid.putIfAbsent(checkpoint.events(), checkpoint);
			}
		}
		return set;
	}

	private static boolean signatureHolds(Checkpoint checkpoint, PublicKey key) {
		try {
			byte[] signature = Base64.getUrlDecoder().decode(checkpoint.signature());
			return Ed25519.verifies(key, checkpoint.signedBytes(), signature);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private void forged(Checkpoint checkpoint, String problem) {
		if (this.forged == null || checkpoint.events() < this.forged.events()) {
			this.forged = checkpoint;
			this.forgery = problem;
		}
	}

	/** The checkpoints whose signatures verify, by event count. */
	NavigableMap<Long, Checkpoint> valid() {
		return this.valid;
	}

	/**
	 * The verdict once the walk is done: the walk's own problem first, then a log shorter
	 * than a checkpoint, a log whose end is not its recorded head, and a checkpoint that
	 * does not verify.
	 */
	Verification judge(ChainWalk walk, AuditHead head) {
		Checkpoint latest = this.valid.isEmpty() ? null : this.valid.lastEntry().getValue();
		Verification verdict = walk.problem();
		if (verdict == null && latest != null && latest.events() > walk.count()) {
			verdict = Verification.broken(walk.count(), walk.head(), walk.count() + 1,
					"truncated: " + latest.describe() + ", the log now ends at event " + walk.count());
		}
		if (verdict == null && (head.events() != walk.count() || !head.hash().equals(walk.head()))) {
			verdict = Verification.broken(walk.count(), walk.head(), walk.count() + 1, "the log ends at event "
					+ walk.count() + " but its recorded head is event " + head.events() + ": events were removed");
		}
		if (verdict == null && this.forged != null) {
			verdict = Verification.broken(walk.count(), walk.head(), this.forged.events(), this.forgery);
		}
		if (verdict == null) {
			verdict = Verification.valid(walk.count(), walk.head());
		}
		return verdict.against(this.count, latest);
	}

}
