package org.custodian.policy;

import org.custodian.shared.DataCategory;

/**
 * The legal-tier verdict on one requested category, with the reason in words.
 */
public record CategoryFinding(DataCategory category, TierVerdict verdict, String note) {
}
