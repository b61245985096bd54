package org.custodian.policy;

import java.util.UUID;

import org.custodian.shared.Actor;

/**
 * Requests of another kind than data requests that pauses hold (removal requests): the
 * module that owns them holds the matching ones when a pause comes into force and
 * releases them when it is lifted, in the same transaction.
 */
public interface PausedRequests {

	/**
	 * Holds every request of this kind the pause matches at a stage it stops.
	 * @return how many were held
	 */
	int holdMatching(Pause pause, Actor actor);

	/**
	 * Releases what the pause held, screening it again against the pauses still in force.
	 * @return how many were released
	 */
	int release(UUID pauseId, Actor actor, String rationale);

	/** How many requests of this kind enacting the pause would hold now. */
	long preview(Pause pause);

}
