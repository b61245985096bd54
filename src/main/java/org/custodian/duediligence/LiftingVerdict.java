package org.custodian.duediligence;

/**
 * Whether an assessment allows a linked pause to be lifted, and why not.
 */
public record LiftingVerdict(boolean permits, String reason) {
}
