package org.custodian.policy;

/**
 * The stages a pause can stop: the review of requests, or the production of data.
 */
public enum PauseStage {

	REVIEW, PRODUCTION

}
