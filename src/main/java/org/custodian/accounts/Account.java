package org.custodian.accounts;

import org.custodian.shared.Jurisdiction;

/**
 * An account of the platform and the jurisdiction its holder lives in.
 */
public record Account(String id, String username, Jurisdiction homeJurisdiction) {
}
