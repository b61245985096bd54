package org.custodian.duediligence;

/**
 * How much human-rights risk requests from a jurisdiction carry. HIGH makes a
 * human-rights lead's assessment of each request mandatory before a decision is proposed.
 */
public enum RiskLevel {

	LOW, MEDIUM, HIGH

}
