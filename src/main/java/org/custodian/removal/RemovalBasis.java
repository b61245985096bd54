package org.custodian.removal;

/**
 * What a removal request rests on. {@code POLICY_REFERRAL} is the "credible information"
 * case: no legal order, a claim that content breaks the platform's own rules.
 */
public enum RemovalBasis {

	COURT_ORDER, LEGAL_ORDER, DSA_ARTICLE_9, POLICY_REFERRAL

}
