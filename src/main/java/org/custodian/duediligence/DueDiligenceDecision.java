package org.custodian.duediligence;

/**
 * What an assessment concludes for the jurisdiction.
 */
public enum DueDiligenceDecision {

	MAINTAIN_PAUSE, LIFT, LIFT_WITH_CONDITIONS, MLAT_ONLY;

	/** Whether a pause linked to an assessment with this decision may be lifted. */
	public boolean permitsLifting() {
		return this != MAINTAIN_PAUSE;
	}

}
