package org.custodian.policy;

/**
 * The kinds of request a pause covers: data requests (the default, and every pause before
 * removals existed), removal requests, or both.
 */
public enum PauseCovers {

	DATA_REQUESTS, REMOVAL_REQUESTS

}
