package org.custodian.policy;

/**
 * Whether a pause applies to every request, or only to those received after its effective
 * time.
 */
public enum PauseScope {

	ALL, NEW_ONLY

}
