package org.custodian.intake;

import org.custodian.shared.TargetKind;

/**
 * An account identifier named in a request.
 */
public record Target(TargetKind kind, String value) {
}
